# Pages : le cadre
skip-link = Aller au contenu
show-times-in = Afficher les heures de
zone-and-language = Fuseau horaire et langue
apply = Appliquer
language = Langue
footer-about = Convene — les sessions du réseau des Centres d’excellence CBRN de l’UE. Les heures suivent la base de fuseaux horaires IANA { $tzdb }.
lost-link = Lien d’inscription perdu ?
privacy = Confidentialité
zone-group-other = Autres

# Accueil
home-title = Sessions à venir
times-shown-in = Heures affichées pour
choose-zone-hint = (choisissez votre fuseau ci-dessus)
filter-sessions = Filtrer les sessions
filter-region = Région
filter-all-regions = Toutes les régions
filter-country = Pays
filter-all-countries = Tous les pays
filter-topic = Thème
filter-all-topics = Tous les thèmes
filter-format = Format
filter-any-format = Tous les formats
filter = Filtrer
clear-filters = Effacer les filtres
no-sessions = Aucune session à venir.
no-sessions-filtered = Aucune session à venir ne correspond à ces filtres.
archive-title = Sessions passées
archive-link = Sessions passées (archives)
no-past = Aucune session n’a encore eu lieu.
no-past-filtered = Aucune session passée ne correspond à ces filtres.
empty-see-upcoming = Voir les sessions à venir
empty-see-archive = Chercher parmi les sessions passées
empty-subscribe = Abonnez-vous à un calendrier pour voir les nouvelles sessions dès leur publication
search-words = Mots
search-hint = Dans le titre ou le résumé, par exemple « biosécurité » ou « contrôle des exportations ».
cancelled = Annulée
planned-as = Prévue le { $when }
previous-page = Sessions précédentes
next-page = Sessions suivantes

# Plages horaires
in-city = à { $city }
day-later = { $days ->
    [one] +1 jour
   *[other] +{ $days } jours
}
day-earlier = { $days ->
    [one] −1 jour
   *[other] −{ $days } jours
}

# S’abonner
subscribe = S’abonner
subscribe-webcal = s’abonner (webcal)
all-feeds = Tous les calendriers
pages = Pages
page-number = Page { $page }

# La page d’une session
session-cancelled = Cette session a été annulée.
session-demo = Ceci est une session de démonstration.
session-full = Cette session est complète.
when-session-zone = Quand ({ $city }, fuseau de la session)
your-time = Votre heure ({ $city })
kind-and-format = Type et format
location = Lieu
session-language = Langue
who-may-take-part = Qui peut participer
seats = Places
seats-left = { $left } sur { $of } restantes
card-full-waitlist = Complet : inscrivez-vous sur la liste d’attente
card-full = Complet
card-closes = Inscriptions jusqu’au { $when }
card-by-nomination = Places sur désignation du point focal national de chaque pays
topics = Thèmes
register = S’inscrire
local-times = Heures locales dans les pays participants
local-time = Heure locale
utc-offset = Décalage UTC
zones = Fuseaux
countries = Pays
add-to-calendar = Ajouter à votre agenda
download-ics = Télécharger cette session (.ics)
or-subscribe = , ou abonnez-vous à un calendrier toujours à jour
kind-webinar = Webinaire
kind-training = Formation
kind-meeting = Réunion
kind-exercise = Exercice
format-online = En ligne
format-in_person = En présentiel
format-hybrid = Hybride
# Ponctuation : une espace avant les deux-points.
colon = { " :" }

# Formulaire d’inscription
register-title = Inscription : { $title }
your-time-is = Votre heure : { $when }
back-to-session = Retour à la session
correct-fields = { $count ->
    [one] Veuillez corriger 1 champ
   *[other] Veuillez corriger { $count } champs
}
approval-note = Les organisateurs valident chaque inscription ; ils vous répondront par courriel.
waitlist-note = Cette session est complète : en vous inscrivant, vous rejoignez la liste d’attente, et nous vous écrivons dès qu’une place se libère.
honeypot = Laissez ce champ vide
optional = (facultatif)
field-name = Nom complet
field-email = Courriel
field-organisation = Organisation
field-position = Fonction
field-country = Pays partenaire
choose-country = Choisissez votre pays
field-time-zone = Votre fuseau horaire
country-main-zone = Le fuseau principal de mon pays
time-zone-hint = Les courriels et invitations affichent les heures dans ce fuseau.
consent-before = J’accepte que Convene conserve mes nom, courriel, organisation et pays pour organiser cette session et m’envoyer des courriels à son sujet, comme l’explique la
privacy-notice = notice de confidentialité

# Courriels : le cadre
email-greeting = Bonjour { $name },
email-where = Lieu
email-join = Lien du webinaire
email-session-page = Page de la session
email-manage = Votre inscription (la consulter, l’annuler, l’ajouter à votre agenda)
email-manage-link = Votre inscription
email-manage-after = { " :" } consultez-la, annulez-la ou ajoutez-la à votre agenda.
email-signature = Convene, Centres d’excellence CBRN de l’UE
# The network's name: the default in this language, or an admin's own (then quoted as set)
network-name = Centres d’excellence CBRN de l’UE
email-signature-custom = Convene, { $network }
footer-about-custom = Convene — { $network }. Les heures suivent la base de fuseaux horaires IANA { $tzdb }.
cert-organised-by-custom = Organisé par : { $network }
email-recovery-ignore = Si vous n’avez pas demandé ce courriel, vous pouvez l’ignorer.

# Courriels : objets
subject-confirmed = Inscription confirmée : { $title }
subject-approved = Inscription acceptée : { $title }
subject-waitlisted = Sur la liste d’attente : { $title }
subject-pending = Inscription reçue, en attente de validation : { $title }
subject-rejected = Inscription non retenue : { $title }
subject-withdrawn = Inscription annulée : { $title }
subject-promoted = Une place est à vous : { $title }
subject-reminder = Rappel : { $title } commence dans { $hours ->
    [one] 1 heure
   *[other] { $hours } heures
}
subject-recovery-one = Votre lien d’inscription : { $title }
subject-recovery-many = Vos liens d’inscription
subject-session-changed = Session modifiée : { $title }
subject-session-cancelled = Session annulée : { $title }

# Courriels : ce qui s’est passé
lead-confirmed = Votre inscription est confirmée.
lead-approved = Les organisateurs ont accepté votre inscription : votre place est confirmée.
lead-invite-attached = L’invitation jointe à ce courriel ajoute la session à votre agenda et la tient à jour si elle change.
lead-waitlisted = La session est complète : vous êtes sur la liste d’attente, en position { $position }.
lead-waitlisted-approved = Les organisateurs ont accepté votre inscription. La session est complète : vous êtes sur la liste d’attente, en position { $position }.
lead-waitlist-promise = Si une place se libère, elle vous revient automatiquement et nous vous écrivons avec une invitation d’agenda.
lead-pending = Nous avons bien reçu votre inscription. Les organisateurs valident chaque participant ; nous vous écrirons dès qu’ils auront décidé.
lead-rejected = Nous sommes désolés : les organisateurs n’ont pas pu retenir votre inscription à cette session.
lead-withdrawn = Votre inscription est annulée, comme vous l’avez demandé.
lead-withdrawn-calendar = L’annulation jointe retire la session de votre agenda.
lead-promoted = Bonne nouvelle : une place s’est libérée et elle est à vous. Votre inscription est confirmée.
lead-promoted-invite = L’invitation jointe à ce courriel ajoute la session à votre agenda.
lead-reminder = Pour rappel : votre session commence dans { $hours ->
    [one] 1 heure
   *[other] { $hours } heures
}.
lead-recovery = Vous avez demandé les liens de vos inscriptions. Les voici ; chacun permet de consulter l’inscription, de l’annuler ou de l’ajouter à votre agenda.
lead-session-changed = Les organisateurs ont modifié l’heure ou le lieu de cette session. Les informations ci-dessous sont les nouvelles.
lead-session-changed-calendar = L’invitation jointe met à jour votre agenda.
lead-session-cancelled = Nous sommes désolés : les organisateurs ont annulé cette session.
lead-session-cancelled-calendar = L’annulation jointe la retire de votre agenda.
lead-cancel-reason = Les organisateurs en donnent la raison : { $reason }

# Invitations d’agenda : la description de l’évènement
invite-join = Lien du webinaire : { $url }
invite-registration = Votre inscription : { $url }
invite-session-page = Page de la session : { $url }

# L’inscription d’un participant
your-registration = Votre inscription
your-registration-title = Votre inscription : { $title }
organisers-cancelled = Les organisateurs ont annulé cette session.
when-your-time = Quand (votre heure)
in-session-zone = Dans le fuseau de la session
status = Statut
waitlist-number = — en position { $position } sur la liste d’attente
webinar-link = Lien du webinaire
your-calendar = Votre agenda
download-invite = Télécharger l’invitation (.ics)
personal-feed-intro = Abonnez-vous à cette inscription dans votre agenda ; elle reste à jour quand la session change d’horaire ou est annulée :
subscribe-in-app = S’abonner dans votre application d’agenda
feed-address = Adresse du calendrier (à copier dans « ajouter un agenda depuis une URL » de votre application)
renew-feed = Donner une nouvelle adresse à mon calendrier
renew-feed-note = (l’ancienne adresse cesse de fonctionner)
cannot-come = Vous ne pouvez pas venir ?
cancel-my-registration = Annuler mon inscription
your-data = Vos données
download-data = Télécharger tout ce que nous gardons sur vous (JSON)
erase-my-data = Effacer mes données
keep-private = Gardez l’adresse de cette page pour vous : quiconque la connaît peut consulter et annuler cette inscription (mais aucune autre).
my-sessions = Mes sessions Convene
status-confirmed = Confirmée
status-waitlisted = Sur la liste d’attente
status-pending_approval = En attente de validation
status-rejected = Non retenue
status-cancelled = Annulée
subject-pending-endorsement = En attente d’approbation : { $title }
lead-pending-endorsement = Votre inscription est reçue. Le point focal national de votre pays approuve d’abord les participants à cette session ; nous vous écrirons dès qu’il l’aura fait.
subject-endorsement-requested = Approbation demandée : { $name } pour { $title }
lead-endorsement-requested = { $name } ({ $organisation }, { $country }) s’est inscrit·e à { $title }, { $when }, et attend votre approbation en tant que point focal national.
lead-endorsement-how = Approuvez ou refusez sur la page de la session dans votre espace : { $workspace } (ou avec le jeton d’API de votre compte : POST { $endorse } ou POST { $decline }).
status-pending_endorsement = En attente d’approbation
participation-endorsement = avec approbation : chacun s’inscrit, et son point focal l’approuve
ws-f-quota-release = À la clôture des désignations, les places libres vont à la liste d’attente, quel que soit le pays
endorsement-not-pending = Seule une inscription en attente d’approbation peut être approuvée ou refusée ; statut de celle-ci : { $status }.
ws-st-pending_endorsement = en attente d’approbation
subject-nominated = Vous êtes désigné·e : { $title }
subject-declined = Désignation déclinée : { $title }
subject-lapsed = Désignation expirée : { $title }
lead-nominated = Le point focal national de votre pays vous a désigné·e pour cette session, et une place vous est réservée.
lead-nominated-answer = Acceptez (confirmez vos coordonnées, choisissez votre fuseau horaire et donnez votre consentement) ou déclinez sur votre page d’inscription ci-dessous. Une désignation sans réponse expire à la clôture des désignations, ou au bout d’une semaine.
lead-declined = Vous avez décliné la désignation ; votre place revient au point focal de votre pays.
lead-lapsed = Votre désignation est restée sans réponse à temps : la place réservée pour vous est libérée.
status-nominated = Désigné·e
status-declined = Déclinée
status-lapsed = Expirée
nomination-only = Les places de cette session passent par le point focal national de chaque pays partenaire : demandez au vôtre de vous désigner.
nominations-closed = Les désignations pour cette session ont été closes le { $date }.
nomination-outside-country = Vous ne pouvez désigner que des personnes de vos propres pays.
nomination-not-pending = Seule une désignation en attente peut être acceptée ou déclinée ; statut de celle-ci : { $status }.
ws-f-participation = Participation
ws-f-nominations-close = Clôture des désignations (heure locale ; celles sans réponse expirent alors)
participation-open = ouverte : chacun s’inscrit
participation-nomination = sur désignation : les points focaux nationaux désignent les participants
manage-nominated = Vous êtes désigné·e. Acceptez pour prendre la place réservée, ou déclinez pour la rendre.
manage-accept = Accepter la désignation
manage-decline = Décliner la désignation
manage-consent = J’accepte que mes coordonnées soient conservées pour organiser cette session (voir la politique de confidentialité).
role-participant = participant·e
role-trainer = formateur·rice
role-observer = observateur·rice
role-speaker = intervenant·e
notice-confirmed = Vous êtes inscrit. Un courriel de confirmation avec une invitation d’agenda part vers { $email }.
notice-waitlisted = La session est complète : vous êtes sur la liste d’attente (en position { $position }). Nous écrirons à { $email } dès qu’une place se libère.
notice-pending = Votre inscription attend la validation des organisateurs. Nous écrirons à { $email } dès qu’ils auront décidé.
notice-cancelled = Votre inscription est annulée. Une annulation pour votre agenda part par courriel.
notice-feed-renewed = Votre calendrier personnel a une nouvelle adresse ; l’ancienne ne fonctionne plus. Mettez à jour votre abonnement.

# Annuler
cancel-title = Annuler votre inscription
cancel-question = Annuler votre inscription ?
cancel-seat-goes = Votre place ira à la personne suivante sur la liste d’attente, s’il y en a une.
cancel-yes = Oui, annuler mon inscription
keep-it = Non, la garder

# Effacer
erase-title = Effacer vos données
erase-question = Effacer vos données ?
erase-explain = Cette action efface vos nom, organisation, fonction et réponses de toutes les inscriptions faites avec { $email }, annule celles qui sont en cours (vos places vont aux personnes suivantes sur les listes d’attente) et supprime les courriels qui attendent de vous être envoyés. Seul votre pays est gardé, sans votre nom, pour les statistiques du réseau.
erase-final = Vos liens d’inscription cesseront de fonctionner. Cette action est définitive.
erase-copy-first = Téléchargez une copie de vos données
erase-copy-first-after = avant, si vous en voulez une.
erase-yes = Oui, effacer mes données
erased-title = Vos données sont effacées
erased-text = Vos nom, adresse électronique, organisation et réponses ont disparu de Convene, vos inscriptions en cours sont annulées et plus aucun courriel ne vous sera envoyé. Les entrées que vous avez ajoutées vous-même à votre agenda y restent jusqu’à ce que vous les supprimiez.
see-upcoming = Voir les sessions à venir

# Lien perdu
recover-title = Lien perdu ?
recover-sent = Si cette adresse a des inscriptions, nous venons de lui envoyer leurs liens et un lien vers tout ce que nous gardons sur elle. Le courriel peut mettre quelques minutes à arriver.
recover-intro = Saisissez l’adresse électronique utilisée pour vous inscrire. Nous vous enverrons les liens de vos inscriptions en cours, et un lien pour les voir toutes, télécharger vos données ou les effacer.
recover-send = Envoyer mes liens
bad-email = Courriel : { $problem }.

# Page des calendriers
feeds-title = Calendriers
feeds-intro = Abonnez-vous une fois, et votre application d’agenda (Google Agenda, Outlook, Calendrier Apple, Thunderbird) tient ces sessions à jour toute seule : nouvelles sessions, horaires modifiés, annulations. Choisissez « s’abonner » ou copiez l’adresse dans « ajouter un agenda depuis une URL » de votre application.
feeds-by-region = Par région
feeds-by-topic = Par thème
feeds-by-country = Par pays
feeds-personal-note = Votre calendrier personnel, avec chaque session à laquelle vous êtes inscrit, se trouve sur la page de votre inscription.

# Notice de confidentialité
privacy-title = Notice de confidentialité
privacy-what = Quand vous vous inscrivez à une session, Convene garde ce que vous saisissez dans le formulaire — vos nom, adresse électronique, organisation, fonction, pays partenaire, fuseau horaire et vos réponses aux questions de la session — ainsi que le moment où vous avez donné votre consentement.
privacy-why-title = Pourquoi
privacy-why = Pour organiser la session : réserver votre place, vous envoyer la confirmation, les invitations d’agenda, les changements, annulations et rappels, et donner aux organisateurs du réseau des Centres d’excellence CBRN de l’UE la liste des participants et des chiffres par pays et par région.
privacy-who-title = Qui les voit
privacy-who = Les organisateurs de la session et les administrateurs du réseau. Le lien du webinaire n’est montré qu’aux participants confirmés. Personne d’autre ne voit vos données, et elles ne servent qu’à la session.
privacy-rights-title = Vos droits
privacy-rights = Le lien secret de votre inscription (dans chaque courriel que nous vous envoyons à son sujet, et affiché après l’inscription) vous permet de consulter cette inscription, de l’annuler, de l’ajouter à votre agenda, de télécharger ce qu’elle contient et de l’effacer — rien sur vos autres inscriptions. Tout ce qui concerne votre adresse électronique dans son ensemble — la liste et le calendrier de toutes vos sessions, une copie de tout ce que Convene garde sur cette adresse, et son effacement (vos nom, adresse, organisation et réponses sont retirés de toutes vos inscriptions, celles en cours sont annulées, seul votre pays reste, anonymement, dans les statistiques) — ne s’ouvre que par un lien que nous envoyons à cette adresse sur demande, valable une heure. Demandez-le sur la page de votre inscription ou avec « Lien d’inscription perdu ? » en bas de chaque page.
privacy-how-long-title = Combien de temps
privacy-retention = Vos nom, adresse électronique, organisation et réponses sont effacés automatiquement { $days } jours après la fin de la session ; seul votre pays reste, sans votre nom, dans les statistiques du réseau. Vous pouvez les effacer plus tôt vous-même, à tout moment.
privacy-no-retention = Ce service garde les inscriptions jusqu’à ce que vous ou les organisateurs les effaciez ; vous pouvez effacer les vôtres vous-même à tout moment.

# Pages d’erreur
error-status = Erreur { $status }.

# Calendriers : les mots d’un calendrier personnel
feed-when = Quand
feed-my-sessions = Convene : mes sessions
feed-my-sessions-description = Les sessions auxquelles vous êtes inscrit

# Erreurs de champ (après le nom du champ : « Courriel : est obligatoire »)
err-required = est obligatoire
err-too-long = doit compter au plus { $max } caractères
err-control-chars = ne doit pas contenir de caractères de contrôle
err-single-line = doit tenir sur une seule ligne, sans caractères de contrôle
err-email-long = dépasse 254 caractères
err-email-spaces = ne doit contenir ni espace ni saut de ligne
err-email-at = doit contenir @
err-email-invalid = n’est pas une adresse électronique valide
err-country-code = doit être un code de pays à deux lettres, comme ID ou MA
err-country-unknown = n’est pas un pays partenaire
err-consent = est nécessaire pour vous inscrire : nous en avons besoin pour traiter votre inscription
err-language = doit être l’une de ces valeurs : { $known }
err-zone-unknown = n’est pas un fuseau horaire IANA (par exemple Asia/Manila ou Europe/Brussels)
err-local-time = n’est pas une date et heure locales de la forme 2027-03-09T16:00
err-gap = { $local } n’existe pas à { $zone } : ce jour-là, les horloges sautent de { $start } à { $end } (UTC{ $before } à UTC{ $after }) ; choisissez une heure hors de ce saut
err-answers-object = doit associer chaque question à sa réponse
err-answer-unknown = n’est pas une question de cette session
err-answer-flag = doit être vrai ou faux
err-answer-text = doit être du texte
err-answer-choice = doit être l’un des choix proposés
err-answer-choices = doit être une liste des choix proposés
field-consent = Consentement

# Pourquoi une inscription est refusée
closed-cancelled = Cette session a été annulée.
closed-started = Les inscriptions sont closes : la session a commencé.
closed-opens = Les inscriptions ouvrent le { $when }.
closed-closed = Les inscriptions ont fermé le { $when }.
not-eligible = Cette session est réservée aux participants de : { $names }.
already-registered = Cette adresse électronique est déjà inscrite à cette session. Utilisez « Lien perdu ? » pour recevoir à nouveau votre lien d’inscription.
session-full-no-waitlist = Cette session est complète.
open-to-all = Ouverte à tous les pays partenaires
open-to = Ouverte à : { $names }
error-not-found = Page introuvable
error-not-found-text = Il n’y a pas de page à cette adresse. Elle a peut-être changé, ou la session n’est pas publiée.
error-internal = Une erreur s’est produite
error-internal-text = Nous n’avons pas pu traiter cette demande. L’incident est consigné ; veuillez réessayer plus tard.
error-invalid = Certaines valeurs ne sont pas valides
error-too-many = Trop de demandes
error-too-many-text = Trop de demandes depuis cette adresse ; réessayez dans { $seconds } secondes.
error-unavailable = Service indisponible
error-unavailable-text = Le service ne peut pas répondre pour l’instant ; veuillez réessayer dans quelques secondes.
error-forbidden = Action non autorisée
error-conflict = Impossible de faire cela

# L’espace de travail
ws-nav = Espace de travail
ws-sessions = Sessions
ws-planner = Planificateur
ws-accounts = Comptes
ws-tokens = Jetons d’API
ws-audit = Journal d’audit
ws-reference = Données de référence
ws-password = Mot de passe
ws-signed-in-as = Connecté en tant que { $email }
ws-sign-out = Se déconnecter
ws-title = { $page } — espace de travail
ws-sign-in = Se connecter
ws-sign-in-title = Se connecter à l’espace de travail
ws-change-password = Changer votre mot de passe
ws-current-password = Mot de passe actuel
ws-new-password = Nouveau mot de passe (au moins 12 caractères)
ws-new-password-again = Nouveau mot de passe, à nouveau
ws-change-password-button = Changer le mot de passe
ws-only-action = Seulement l’action
ws-action-example = p. ex. session.update
ws-newest-500 = Les 500 derniers changements, du plus récent au plus ancien.
ws-when = Quand
ws-who = Qui
ws-what = Quoi
ws-session = Session
ws-before-after = Avant → après
ws-token-shown-once = Le nouveau jeton, affiché une seule fois : copiez-le dans le système qui l’utilisera.
ws-name = Nom
ws-created = Créé
ws-state = État
ws-revoked = révoqué le { $when }
ws-revoke = Révoquer { $name }
ws-new-token = Nouveau jeton
ws-token-name = Nom (ce qui l’utilise)
ws-create-token = Créer un jeton
ws-roles-explained = Les administrateurs peuvent tout faire. Les organisateurs ne voient et ne modifient que les sessions organisées par leurs régions. Les points focaux nationaux ne modifient aucune session ; par l’API, ils voient les sessions ouvertes à leurs pays et seulement les inscrits de leurs pays.
ws-role-regions-access = Rôle, régions et accès
ws-disabled = désactivé
ws-role = Rôle
ws-role-admin = administrateur
ws-role-organiser = organisateur
ws-role-focal-point = point focal national
ws-countries-of = Pays de { $email } (codes ISO, pour les points focaux)
ws-countries-for-focal-points = Pays (codes ISO comme PH, KE ; pour les points focaux)
ws-regions-of = Régions de { $email }
ws-disabled-explained = Désactivé (ne peut pas se connecter)
ws-save-account = Enregistrer { $email }
ws-new-account = Nouveau compte
ws-regions-for-organisers = Régions (pour les organisateurs)
ws-first-password = Premier mot de passe (au moins 12 caractères ; la personne pourra le changer)
ws-create-account = Créer le compte
ws-new-session = Nouvelle session
ws-status = Statut
ws-when-your-time = Quand (votre heure)
ws-confirmed-capacity = Confirmés / capacité
ws-waiting = En attente
ws-pending = À valider
ws-status-draft = brouillon
ws-status-published = publiée
ws-status-cancelled = annulée
ws-public-page = page publique
ws-series-page = toutes les dates de la série
ws-series-edit-future = Modifier toutes les dates à venir
ws-series-edit-future-how = Ouvre le formulaire de la prochaine date, « appliquer à toutes les sessions à venir » coché : chaque date garde son heure et sa période d’inscription.
ws-series-dates = Dates
ws-series-when = Quand (fuseau de la série)
ws-series-members = Inscrits à toute la série : { $count }
ws-series-no-members = Personne ne s’est encore inscrit à toute la série.
ws-series-holding = Dates tenues
ws-series-holding-n = { $held } sur { $of }
ws-unlimited = illimité
ws-counts = { $confirmed } confirmés sur { $capacity }{ $nominated ->
    [0] {""}
   *[other] {" "}· { $nominated } désigné·e(s) attendant leur réponse
} · { $waiting } en attente · { $pending } à valider
ws-edit = Modifier
ws-clone = Dupliquer
ws-export-csv = Exporter les inscriptions (CSV)
ws-publish = Publier
ws-cancel-reason = Raison (figure dans les courriels)
ws-registrations = Inscriptions
ws-filter-registrations = Filtrer les inscriptions
ws-all = toutes
ws-country = Pays
ws-region = Région
ws-search = Rechercher
ws-search-placeholder = nom, courriel, organisation
ws-filter = Filtrer
ws-choose = Choisir
ws-choose-person = Choisir { $name }
ws-email = Courriel
ws-organisation = Organisation
ws-time-zone = Fuseau horaire
ws-registered = Inscrit le
ws-attendance = Présence
ws-with-chosen = Pour la sélection
ws-do-approve = accepter
ws-do-reject = refuser
ws-do-promote = faire passer de la liste d’attente
ws-do-cancel = annuler
ws-do-move = déplacer vers la session numéro…
ws-do-attended = marquer présent
ws-do-no-show = marquer absent
ws-do-unmarked = effacer la présence
ws-move-target = Numéro de session (pour un déplacement)
ws-apply = Appliquer
ws-figures = Chiffres
ws-chart-title = Inscriptions confirmées par pays
ws-by-country = Par pays
ws-by-region = Par région (un pays de deux régions compte dans les deux)
ws-confirmed = Confirmés
ws-attended = Présents
ws-email-registrants = Écrire aux inscrits
ws-subject = Objet
ws-to = À
ws-to-everyone = tous les inscrits (confirmés, en attente, à valider)
ws-to-confirmed = confirmés seulement
ws-to-waitlisted = liste d’attente seulement
ws-to-pending = à valider seulement
ws-message = Message (une ligne vide commence un paragraphe)
ws-preview = Aperçu
ws-changes = Changements
ws-edit-session = Modifier la session
ws-edit-title = Modifier « { $title } »
ws-change-time-question = Changer l’heure ?
ws-preview-title = Aperçu : { $title }
ws-not-saved = Pas encore enregistré : enregistrez ci-dessous, ou modifiez et prévisualisez à nouveau.
ws-f-title = Titre
ws-f-summary = Résumé (une ou deux phrases pour les listes)
ws-f-description = Description (Markdown : **gras**, listes, [liens](https://…))
ws-f-kind = Type
ws-f-format = Format
ws-f-organised-by = Organisée par
ws-f-no-region = (aucune région : administrateurs seulement)
ws-f-zone = Fuseau horaire (tapez pour chercher)
ws-f-starts = Début (heure locale de ce fuseau)
ws-f-ends = Fin (heure locale de ce fuseau)
ws-f-open-planner = Vérifier cette heure dans chaque pays partenaire avec le planificateur
ws-f-capacity = Capacité (vide : illimitée)
ws-f-waitlist = Liste d’attente quand la session est complète
ws-f-approval = Les organisateurs valident chaque inscription
ws-f-regions = Ouverte aux régions (aucune, et aucun pays : ouverte à tous)
ws-f-countries = Et aux pays (codes ISO, p. ex. MA, SN)
ws-f-country-quota = Places par pays (vide : pas de quota)
ws-f-quotas = Places pour certains pays, à la place (p. ex. PH=12, KE=4)
quota-full = { $places ->
    [one] La place des participants de { $country } est prise, et cette session n’a pas de liste d’attente.
   *[other] Les { $places } places des participants de { $country } sont prises, et cette session n’a pas de liste d’attente.
}
ws-f-topics = Thèmes
ws-f-language = Langue (en, fr, …)
ws-f-opens = Ouverture des inscriptions (heure locale ; vide : maintenant)
ws-f-closes = Clôture des inscriptions (heure locale ; vide : au début de la session)
ws-f-place = Lieu (en présentiel ou hybride)
ws-f-join = Lien du webinaire (montré aux seuls participants confirmés)
ws-f-questions = Questions supplémentaires du formulaire d’inscription
ws-f-repeat-legend = Répéter (facultatif : une série garde cette heure locale dans son fuseau)
ws-f-repeat = Répéter
ws-f-no-repeat = ne se répète pas
ws-f-weekly = chaque semaine
ws-f-fortnightly = toutes les deux semaines
ws-f-monthly = chaque mois, le même jour de la même semaine
ws-f-count = Nombre de sessions (2 à 52)
ws-f-until = Ou jusqu’au (date)
ws-f-all-future = Appliquer à toutes les sessions à venir de cette série (chacune garde sa date, son heure et sa période d’inscription)
ws-f-draft = brouillon (non public)
ws-f-change-and-notify = Changer l’heure et les prévenir
ws-save = Enregistrer
ws-plan-intro = Où tombe une heure pour chaque personne qui peut participer. Les heures de travail vont de { $from } h à { $to } h, heure locale ; les week-ends sont ceux de chaque pays.
ws-plan-correct = Veuillez corriger le plan
ws-plan-date = Date
ws-plan-start = Début (heure locale du fuseau ci-dessous)
ws-plan-minutes = Durée (minutes)
ws-plan-regions = Ouverte aux régions (aucune : tous les pays partenaires)
ws-plan-show = Afficher le plan
ws-plan-create = Créer une session à cette heure
ws-plan-organiser = Région organisatrice
ws-plan-organiser-none = Aucune
ws-plan-organiser-hint = La journée de travail de son secrétariat compte aussi.
ws-plan-stretch = Heures de travail des organisateurs (vous à { $city } et le secrétariat)
ws-plan-stretch-strict = Entre 08:00 et 18:00 un jour ouvré, obligatoirement
ws-plan-stretch-stretched = Tôt ou tard possible (07:00–21:00), jamais la nuit
ws-plan-stretch-free = Ne pas compter : seuls les participants décident
ws-plan-hosts = La journée des organisateurs
ws-plan-host-you = Vous ({ $city })
ws-plan-host-secretariat = Le secrétariat à { $city }
ws-plan-host-ok = dans ce que vous acceptez
ws-plan-host-outside = hors de ce que vous acceptez
ws-plan-grid = La journée dans chaque fuseau
ws-plan-grid-how = Une ligne par groupe de fuseaux qui vivent la journée de la même façon ; une colonne par heure de la journée à { $zone } (choisissez une heure pour y déplacer le créneau).
ws-plan-grid-zones = Fuseaux
ws-plan-band-work = heures de travail
ws-plan-band-edge = tôt ou tard
ws-plan-band-night = nuit
ws-plan-band-weekend = week-end
ws-plan-band-chosen = le créneau
err-plan-stretch = choisissez jusqu’où les heures des organisateurs peuvent s’étendre
err-plan-organiser = n’est pas une région
ws-plan-best = Meilleures heures de début ce jour-là
ws-plan-no-best = Aucune heure de début ce jour-là ne place l’un de ces pays dans ses heures de travail.
ws-plan-runs = Chaque ligne est la première ou la dernière heure d’une suite d’heures aussi bonnes, toutes les 30 minutes entre les deux.
ws-plan-eligible = Pays qui peuvent participer
ws-plan-organisers = Organisateurs
ws-plan-zone = Fuseau
ws-plan-local = Heure locale
ws-plan-offset = Décalage
ws-plan-flags = Signalements
ws-plan-outside = hors des heures de travail
ws-plan-weekend = week-end
ws-plan-other-date = autre date
ws-topics = Thèmes
ws-slug = Identifiant
ws-name-of = Nom de { $slug }
ws-rename = Renommer
ws-new-topic = Nouveau thème
ws-add-topic = Ajouter un thème
ws-countries-zones = Les pays et leurs fuseaux horaires
ws-zones-explained = Le premier fuseau est celui des participants du pays par défaut. Les fuseaux sont des noms IANA, séparés par des virgules.
ws-time-zones = Fuseaux horaires
ws-zones-of = Fuseaux horaires de { $country }
ws-correct-fields = { $count ->
    [one] Veuillez corriger 1 champ
   *[other] Veuillez corriger { $count } champs
}
ws-people-registered = { $count ->
    [one] 1 personne est inscrite. Elle recevra
   *[other] { $count } personnes sont inscrites. Chacune recevra
} par courriel la nouvelle heure, avec une invitation d’agenda mise à jour.
ws-preview-to = Aperçu : à { $count ->
    [one] 1 personne
   *[other] { $count } personnes
}, tel que { $to } le lira
ws-send-to = Envoyer à { $count ->
    [one] 1 personne
   *[other] { $count } personnes
}
ws-plan-headline = { $utc } : { $fine } pays sur { $countries } dans leurs heures de travail
ws-plan-best-line = { $suited } pays sur { $of }
ws-st-confirmed = confirmées
ws-st-waitlisted = liste d’attente
ws-st-pending_approval = à valider
ws-st-rejected = refusées
ws-st-cancelled = annulées
ws-st-nominated = désignés
ws-st-attended = présents
ws-att-attended = présent
ws-att-no_show = absent

# L’espace de travail : ce qui s’est passé, ce qui n’a pas marché
ws-login-refused = Courriel ou mot de passe incorrect.
ws-login-locked = Trop de tentatives manquées pour ce compte. Attendez 15 minutes et réessayez.
ws-choose-role = Choisissez un rôle : administrateur ou organisateur.
ws-unknown-region = Région inconnue : { $slug }.
ws-organiser-needs-region = Un organisateur a besoin d’au moins une région.
ws-unknown-country = Pays inconnu : { $code }.
ws-focal-point-needs-country = Un point focal national a besoin d’au moins un pays.
ws-focal-point-not-here = Cette partie de l’espace de travail est réservée aux organisateurs. En tant que point focal national, vous travaillez dans Désignations : /admin/nominations
ws-first-password-short = Le premier mot de passe doit compter au moins { $min } caractères.
ws-account-created = Compte { $email } créé.
ws-account-exists = Un compte existe déjà pour { $email }.
ws-not-yourself = Vous ne pouvez ni désactiver votre propre compte ni vous retirer le rôle d’administrateur.
ws-account-saved = Compte { $email } enregistré.
ws-token-name-bad = Donnez au jeton un nom de 100 caractères au plus.
ws-new-password-short = Le nouveau mot de passe doit compter au moins { $min } caractères.
ws-passwords-differ = Le nouveau mot de passe et sa répétition diffèrent.
ws-password-changed = Votre mot de passe a été changé.
ws-current-password-wrong = Le mot de passe actuel est incorrect.
ws-topic-added = Thème { $name } ajouté.
ws-topic-renamed = Thème renommé en { $name }.
ws-zones-saved = Fuseaux horaires de { $iso2 } enregistrés.
ws-done-choose = Choisissez au moins une inscription.
ws-done-bulk = { $done ->
    [one] 1 inscription traitée.
   *[other] { $done } inscriptions traitées.
}
ws-done-bulk-failed = { $done ->
    [one] 1 inscription traitée.
   *[other] { $done } inscriptions traitées.
} Non traitées : { $failed }
ws-done-marked = { $count ->
    [one] 1 inscription marquée
   *[other] { $count } inscriptions marquées
} (seules les inscriptions confirmées peuvent l’être).
ws-done-write = Écrivez un objet et un message.
ws-done-nobody = Personne à qui écrire avec ce choix.
ws-done-queued = { $count ->
    [one] Courriel mis en file d’envoi pour 1 personne.
   *[other] Courriel mis en file d’envoi pour { $count } personnes.
}
ws-done-series = Série de { $count } sessions créée.
ws-done-series-warnings = Série de { $count } sessions créée. { $warnings }
ws-done-future = { $count ->
    [one] 1 session à venir de la série modifiée.
   *[other] { $count } sessions à venir de la série modifiées.
}
ws-topic-needs = Un thème a besoin d’un identifiant (minuscules, chiffres, traits d’union) et d’un nom.
ws-topic-name-bad = Le nom d’un thème compte de 1 à 100 caractères.
ws-zone-bad = { $name } : { $problem }.
ws-zones-none = Un pays a besoin d’au moins un fuseau horaire.

# Address-wide access (links emailed to the address)
notice-registration-feed-renewed = Le calendrier de cette inscription a une nouvelle adresse ; l’ancienne ne fonctionne plus. Mettez à jour votre abonnement.
notice-address-link-sent = Nous avons envoyé à { $email } un lien vers toutes les inscriptions faites avec cette adresse et vers ses données. Il est valable une heure.
access-link-expired = Ce lien a expiré ou n’est pas valable. Les liens vers toutes vos inscriptions sont valables une heure ; demandez-en un nouveau ci-dessous.
erase-explain-one = Cette action efface vos nom, organisation, fonction et réponses de votre inscription à « { $title } », l’annule si elle est en cours (votre place va à la personne suivante sur la liste d’attente) et supprime les courriels à son sujet qui attendent de vous être envoyés. Vos autres inscriptions ne sont pas touchées. Seul votre pays est gardé, sans votre nom, pour les statistiques du réseau.
address-title = Toutes vos inscriptions
address-intro = Toutes les inscriptions faites avec { $email }, avec une copie de tout ce que Convene garde sur cette adresse et son effacement.
address-expires = Cette page est valable jusqu’au { $when } ; ensuite, demandez un nouveau lien.
address-registrations = Inscriptions
address-none = Il n’y a plus d’inscription avec cette adresse.
address-open-registration = ouvrir cette inscription
address-feed-intro = Abonnez-vous au calendrier de toutes vos sessions ; il reste à jour quand une session change d’horaire ou est annulée, et quand vous vous inscrivez à d’autres :
address-keep-private = Cette page et l’adresse du calendrier sont pour vous seul : ne les partagez pas.
download-registration-data = Télécharger ce que nous gardons sur cette inscription (JSON)
erase-registration = Effacer cette inscription
address-link-intro = Pour voir toutes vos inscriptions faites avec { $email }, télécharger tout ce que nous gardons sur cette adresse ou l’effacer, nous enverrons un lien à cette adresse.
address-link-send = M’envoyer ce lien
lead-recovery-none = Vous avez demandé les liens de vos inscriptions. Vous n’avez aucune inscription en cours.
lead-recovery-address = Pour voir toutes vos inscriptions, vous abonner à toutes vos sessions dans votre agenda, télécharger une copie de tout ce que nous gardons sur vous ou l’effacer, ouvrez ce lien (valable { $minutes } minutes) : { $url }
erased-one-text = Vos nom, adresse électronique, organisation et réponses sont retirés de cette inscription, elle est annulée et vous ne recevrez plus de courriel à son sujet. Vos autres inscriptions restent telles quelles. Les entrées que vous avez ajoutées vous-même à votre agenda y restent jusqu’à ce que vous les supprimiez.
cross-site-refused = Ce formulaire a été envoyé depuis un autre site ; il a donc été refusé. Ouvrez la page sur ce site et envoyez-le de nouveau.
subject-nomination-withdrawn = Désignation retirée : { $title }
lead-nomination-withdrawn = Le point focal national de votre pays a retiré votre désignation pour cette session, et la place qui vous était réservée est libérée. Si vous pensez qu’il s’agit d’une erreur, écrivez-lui.
lead-nomination-replaced = Le point focal national de votre pays a désigné une autre personne à votre place pour cette session : votre désignation prend donc fin. Si vous pensez qu’il s’agit d’une erreur, écrivez-lui.
subject-focal-lapsed = Désignation expirée : { $name } pour { $title }
lead-focal-lapsed = { $name } ({ $organisation }, { $country }) n’a pas répondu à temps à la désignation pour { $title }, { $when } : elle a expiré et la place réservée est libérée.
lead-focal-lapsed-how = Vous pouvez désigner une autre personne sur la page de la session dans votre espace : { $workspace }
not-a-nomination = Cette personne s’est inscrite elle-même : seule une désignation peut être retirée ou remplacée.
nomination-not-standing = Seule une désignation encore valable peut être retirée ou remplacée ; statut de celle-ci : { $status }.
replacement-same-country = Un remplacement prend une place du même pays : { $country }.
replacement-same-person = Le remplacement doit être une autre personne : c’est l’adresse de la personne désignée elle-même.
fp-nominations = Désignations
fp-you-speak-for = Vous représentez :
fp-times-in = Les heures sont indiquées en { $zone }.
fp-no-sessions = Aucune session à venir n’est encore ouverte à vos pays.
fp-upcoming = Sessions à venir ouvertes à vos pays
fp-how = Attribution des places
fp-places = Places
fp-deadline = Clôture des désignations (votre heure)
fp-your-people = Vos participants
fp-places-of = { $country } : { $held ->
    [one] { $held } place occupée
   *[other] { $held } places occupées
} sur { $quota }
fp-places-held = { $country } : { $held ->
    [one] une place occupée
   *[other] { $held } places occupées
} (sans quota)
fp-people = { $nominated ->
    [one] { $nominated } désignation
   *[other] { $nominated } désignations
} · { $accepted ->
    [one] { $accepted } acceptée
   *[other] { $accepted } acceptées
} · { $endorse } en attente de votre approbation
fp-all-sessions = Toutes les sessions ouvertes à vos pays
fp-deadline-line = Les désignations ferment le { $date } (votre heure). Une désignation encore sans réponse expire alors, et sa place est libérée.
fp-no-deadline = Les désignations restent ouvertes tant que les inscriptions le sont. Une personne désignée a une semaine pour répondre ; sans réponse, la désignation expire et sa place est libérée.
fp-places-per-country = Places par pays
fp-quota = Quota
fp-held = Places occupées
fp-awaiting = En attente de réponse
fp-accepted = Acceptées
fp-declined = Déclinées ou expirées
fp-registered = Inscrits d’eux-mêmes
fp-nominated = Désignations
fp-nobody-yet = Personne de vos pays n’a encore été désigné ni ne s’est inscrit.
fp-role = Rôle
fp-actions = Actions
fp-endorse = Approuver
fp-endorse-person = Approuver { $name }
fp-decline = Refuser
fp-decline-person = Refuser d’approuver { $name }
fp-replace = Remplacer
fp-replace-person = Remplacer { $name } par une autre personne
fp-withdraw = Retirer…
fp-withdraw-what = { $name } sera informé·e par courriel du retrait de la désignation, et la place occupée ira à la personne suivante. C’est irréversible.
fp-withdraw-confirm = Retirer la désignation de { $name }
fp-nominate = Désigner une personne
fp-nominate-what = Une place lui est réservée aussitôt ; elle reçoit un courriel pour accepter (en donnant son consentement) ou décliner.
fp-nominate-button = Désigner et lui écrire
fp-their-language = Langue de ses courriels
fp-note = Note pour les organisateurs
fp-sheet = Désigner plusieurs personnes depuis un tableur
fp-sheet-hint = Copiez les lignes de votre tableur et collez-les ici. Colonnes : name, email, organisation, position, country, role, note, dans cet ordre, ou dans n’importe quel ordre sous une ligne d’en-tête qui les nomme ; séparées par des tabulations, des points-virgules ou des virgules. Chaque ligne est vérifiée et affichée avant toute désignation.
fp-sheet-label = Lignes à désigner
fp-sheet-preview = Vérifier les lignes
fp-sheet-ready = { $ready ->
    [one] { $ready } ligne prête
   *[other] { $ready } lignes prêtes
} à désigner sur { $total }
fp-sheet-done = { $done ->
    [one] { $done } ligne désignée
   *[other] { $done } lignes désignées
} sur { $total }
fp-sheet-confirm = { $count ->
    [one] Désigner cette personne et lui écrire
   *[other] Désigner ces { $count } personnes et leur écrire
}
fp-line = Ligne
fp-result = Résultat
fp-row-ready = Prête
fp-row-nominated = Désignée
fp-sheet-empty = Rien à lire : collez au moins une ligne.
fp-sheet-too-many = Au plus { $max } personnes par collage.
fp-sheet-unknown-column = L’en-tête nomme une colonne qu’une désignation n’a pas : « { $column } ». Utilisez name, email, organisation, position, country, role et note.
fp-sheet-unreadable = Les lignes n’ont pas pu être lues : { $why }
fp-replace-title = Remplacer { $name }
fp-replace-what = La place réservée à { $name } ({ $country }) passe en une seule étape à la personne ci-dessous : personne d’autre ne peut la prendre entre-temps. { $name } est informé·e par courriel ; la nouvelle personne désignée reçoit un courriel pour accepter ou décliner.
fp-replace-button = Remplacer { $name } et écrire aux deux
fp-country-title = { $country } en { $year }
fp-years = Autres années
fp-country-none = Aucune session de cette année n’a eu de participant de ce pays.
fp-country-caption = { $count ->
    [one] Une session
   *[other] { $count } sessions
} avec des participants de ce pays
fp-total = Total
fp-only-focal-points = Ces pages sont réservées aux points focaux nationaux. Les organisateurs voient les désignations de chaque pays sur la page de la session.
ws-done-fp-nominated = { $name } est désigné·e : une place est réservée et un courriel est parti.
ws-done-fp-withdrawn = La désignation de { $name } est retirée, et la personne en est informée.
ws-done-fp-endorsed = { $name } est approuvé·e et en est informé·e.
ws-done-fp-declined = Vous avez refusé d’approuver { $name }, qui en est informé·e.
ws-done-fp-replaced = { $name } occupe désormais la place ; les deux personnes ont reçu un courriel.
ws-done-fp-not-done = Rien n’a changé : { $why }
ws-by-role = Par rôle
ws-countries-nominations = Pays et désignations
ws-countries-note = « Désignations » compte chaque désignation faite, quelle qu’en soit l’issue ; « déclinées » inclut les désignations expirées sans réponse. Les pays qui ont des participants viennent en premier.
ws-focal-points = Points focaux
ws-message-silent = Écrire aux points focaux { $countries ->
    [one] du pays qui n’a
   *[other] des { $countries } pays qui n’ont
} encore proposé personne ({ $people ->
    [one] une personne
   *[other] { $people } personnes
})
ws-message-silent-send = Envoyer à { $people ->
    [one] un point focal
   *[other] { $people } points focaux
} dans { $countries ->
    [one] un pays
   *[other] { $countries } pays
}
ws-no-silent-countries = Chaque pays doté d’un point focal a proposé quelqu’un.
ws-done-focal-message-empty = Rien n’a été envoyé : écrivez un objet (150 caractères au plus) et un message (10 000 au plus).
ws-done-focal-messaged = Envoyé à { $people ->
    [one] un point focal
   *[other] { $people } points focaux
} dans { $countries ->
    [one] un pays
   *[other] { $countries } pays
}.
lead-focal-message-session = Au sujet de { $title }, { $when }. Désignez sur la page de la session dans votre espace : { $workspace }
manage-accept-check = Vérifiez vos coordonnées ci-dessus : si quelque chose est faux, écrivez à votre point focal national avant d’accepter. Choisissez ensuite le fuseau horaire de vos heures et de votre invitation, répondez aux questions des organisateurs et donnez votre consentement.
manage-accept-zone-hint = Les fuseaux de votre pays, et celui choisi pour vous lors de la désignation.
err-held-time = cette session a eu lieu : son horaire ne peut plus changer
err-held-cancel = Cette session a eu lieu et ne peut plus être annulée.
ws-status-held = tenue
ws-upcoming-sessions = Sessions à venir et brouillons
ws-past-sessions = Sessions tenues et passées
ws-no-upcoming = Aucune session à venir ni brouillon : créez-en une avec « Nouvelle session ».
ws-no-past = Aucune session n’est encore terminée.
ws-delete-draft-link = Supprimer ce brouillon…
ws-cancel-session-link = Annuler cette session…
ws-confirm-back = Retour à { $title }
ws-confirm-cancel-title = Annuler « { $title } » ?
ws-confirm-delete-title = Supprimer le brouillon « { $title } » ?
ws-confirm-what-happens = Ce qui va se passer
ws-confirm-cancel-emailed = { $people ->
    [one] { $people } personne recevra
   *[other] { $people } personnes recevront
} un courriel annonçant l’annulation, avec votre motif, dans { $zones ->
    [one] { $zones } fuseau horaire
   *[other] { $zones } fuseaux horaires
}.
ws-confirm-cancel-nobody = Personne n’est inscrit : personne ne recevra de courriel.
ws-confirm-cancel-calendars = Les invitations dans les agendas sont annulées, et la session reste dans les flux, marquée comme annulée.
ws-confirm-cancel-final = C’est irréversible.
ws-confirm-reason-hint = Repris dans le courriel envoyé à chaque inscrit, avec vos mots.
ws-confirm-reason-required = Indiquez pourquoi la session est annulée : chaque inscrit en est informé.
ws-confirm-cancel-button = { $count ->
    [one] Annuler la session et écrire à { $count } personne
   *[other] Annuler la session et écrire à { $count } personnes
}
ws-confirm-cancel-button-nobody = Annuler la session
ws-confirm-keep = Garder la session
ws-confirm-delete-what = Le brouillon est supprimé avec tout ce qui y a été saisi ; personne ne l’a vu, personne n’est donc informé.
ws-confirm-delete-button = Supprimer le brouillon
ws-confirm-keep-draft = Garder le brouillon
ws-confirm-already-cancelled = Cette session est déjà annulée.
ws-confirm-not-a-draft = Cette session est publiée : annulez-la plutôt, pour que les inscrits et les agendas en soient informés.
ws-done-cancelled = La session est annulée. { $people ->
    [0] Personne n’était inscrit.
    [one] Un courriel part à la personne inscrite.
   *[other] Un courriel part aux { $people } personnes inscrites.
}
ws-done-deleted = Le brouillon « { $title } » est supprimé.
ws-done-published = La session est publiée : elle figure sur la page publique /sessions/{ $id } et dans les flux.
ws-done-created = Le brouillon est enregistré. Personne ne le voit avant sa publication.
ws-done-created-published = La session est créée et publiée.
ws-done-saved = Vos modifications sont enregistrées.
ws-done-saved-told = Vos modifications sont enregistrées, et { $people ->
    [one] la personne inscrite reçoit
   *[other] les { $people } personnes inscrites reçoivent
} une invitation mise à jour.
lead-session-moved = L’horaire a changé. C’était le { $was } ; c’est désormais le { $now }.
ws-move-was-now = C’était { $was } ; ce serait { $now }.
ws-move-suits-all = Le nouvel horaire tombe en heures ouvrées, un jour ouvré, pour le pays de chaque inscrit.
ws-move-flagged = Le nouvel horaire ne convient pas à certains pays des inscrits (leur fuseau principal) :
ws-move-outside-hours = { $country } : { $slot } (hors heures ouvrées)
ws-move-weekend = { $country } : { $slot } (week-end)
attendance-not-confirmed = La présence ne s’enregistre que pour les inscriptions confirmées ; statut de celle-ci : { $status }.
err-period-order = doit être le premier jour de la période ou après
err-period-long = un rapport couvre au plus dix ans
err-date = doit être une date : AAAA-MM-JJ
ws-reports = Rapports
rp-period = Période
rp-from = Du
rp-to = Au (inclus)
rp-show = Afficher
rp-showing-this-year = L’année en cours est affichée à la place.
rp-what-counts = Sessions publiées (tenues ou à venir) qui commencent du { $from } au { $to } (dates UTC), et leurs inscriptions valables : confirmées, en attente, à valider, désignations ou en attente d’approbation. Les brouillons et les sessions annulées ne comptent pas.
rp-totals = Totaux
rp-sessions = Sessions
rp-registrations = Inscriptions
rp-rate = Taux de présence
rp-unique = Personnes (une par adresse électronique)
rp-returning = Personnes revenues (plus d’une session)
rp-by-month = Par mois
rp-by-region = Par région
rp-by-country = Par pays
rp-by-topic = Par thème
rp-chart-title = Inscriptions par mois
rp-nothing = Rien sur cette période.
rp-col-months = Mois
rp-col-regions = Région
rp-col-countries = Pays
rp-col-topics = Thème
rp-api = Les mêmes chiffres en JSON : GET /api/v1/reports/participation?from=…&to=… avec un jeton d’API.
rp-all-sessions = Toutes les sessions
rp-col-section = Partie
rp-col-name = Nom
rp-col-people = Personnes
rp-export-csv = Télécharger en CSV
rp-export-xlsx = Télécharger en Excel (XLSX)
rp-export-note = Dans les téléchargements, un chiffre de moins de 5 personnes s’affiche « < 5 », afin que personne ne puisse être identifié.
series-none-open = Aucune occurrence de cette série ne prend d’inscriptions en ce moment.
subject-series-registered = Inscription à { $count ->
        [one] une date
       *[other] { $count } dates
    } : { $title }
lead-series-registered = Vous êtes inscrit·e à { $count ->
        [one] une date
       *[other] { $count } dates
    } de cette série. Chaque date, dans votre fuseau horaire, avec l’état de votre place et la page pour la gérer :
lead-series-invite = L’invitation jointe ajoute la série à votre agenda comme un seul événement récurrent, avec les seules dates où votre place est confirmée, et la tient à jour quand une date change.
lead-series-no-invite = Votre invitation d’agenda suivra dès qu’une place sera confirmée.
email-series-page = La série
series-shifted = à { $start } pour vous au lieu de { $usual } : l’un des deux fuseaux change d’heure
series-summary = { $repeat }, { $count ->
    [one] { $count } date
   *[other] { $count } dates
}
series-keeps = toujours { $time }
series-dates-in = Les dates à votre heure ({ $zone })
series-register-how = Une seule inscription prend une place à chaque date à venir : un seul courriel les liste toutes, une seule invitation d’agenda contient la série, et chaque date garde son lien pour l’annuler seule.
series-register = S’inscrire à toutes les dates
series-calendar = Dans votre agenda
series-feed = S’abonner au flux d’agenda de la série
repeat-weekly = Chaque semaine
repeat-fortnightly = Toutes les deux semaines
repeat-monthly = Chaque mois
register-whole-series = { $count ->
    [one] S’inscrire à cette seule date
   *[other] S’inscrire aux { $count } dates à venir de cette série
}
notice-series-dates = Vous êtes inscrit·e à { $count } dates de cette série : un seul courriel les liste toutes, avec une seule invitation d’agenda pour la série.
series-next = Prochaine date
series-part-of = Série
series-all-dates = Toutes les dates de cette série, et l’inscription à toutes

# Calendriers partagés : leurs noms (les applications d’agenda les affichent)
feed-all-name = Convene : toutes les sessions
feed-all-description = Toutes les sessions du réseau des Centres d’excellence CBRN de l’UE
feed-all-description-custom = Toutes les sessions : { $network }
feed-all-label = Toutes les sessions
feed-name = Convene : { $name }
feed-open-to = Sessions ouvertes aux participants de : { $name }
feed-topic = Sessions sur le thème : { $name }
feed-series = Toutes les sessions de la série { $title }

# Changements d’heure d’une série (avis de l’espace de travail)
series-shift-back = À partir du { $from }, les horloges de { $zone } reviennent au décalage de la première séance.
series-shift-earlier = À partir du { $from }, { $zone } change d’heure : la session reste à { $local } là-bas mais commence { $minutes ->
    [30] une demi-heure
    [60] une heure
   *[other] { $minutes } minutes
} plus tôt pour les fuseaux sans heure d’été, comme toute l’Asie du Sud-Est ({ $there } à { $city } au lieu de { $usual }).
series-shift-later = À partir du { $from }, { $zone } change d’heure : la session reste à { $local } là-bas mais commence { $minutes ->
    [30] une demi-heure
    [60] une heure
   *[other] { $minutes } minutes
} plus tard pour les fuseaux sans heure d’été, comme toute l’Asie du Sud-Est ({ $there } à { $city } au lieu de { $usual }).

# Les champs d’une session : erreurs communes au formulaire et à l’API
err-status-write = doit être draft ou published ; annulez une session avec son action d’annulation
err-language-tag = doit être une étiquette de langue comme en, fr, ar ou ru
err-join-url = doit être une adresse http ou https
err-ends-after = doit être après le début (starts_at)
err-ends-within = doit être au plus 31 jours après le début (starts_at)
err-closes-after = doit être après l’ouverture des inscriptions (registration_opens_at)
err-one-of = doit être l’une des valeurs : { $choices }
err-quotas-map = doit associer des codes ISO alpha-2 à un nombre de places de 0 à { $max }
err-quotas-many = doit nommer au plus 300 pays
err-time-or-instant = { $why }, ou un instant RFC 3339
err-capacity-taken = doit être au moins { $taken }, les places déjà prises
err-repeat = doit être weekly, fortnightly ou monthly
err-count-range = doit être un nombre entier de 2 à { $max }
err-until = doit être une date comme 2027-06-30
err-count-or-until = indiquez un nombre ou une date de fin (until)
err-capacity-number = doit être un nombre entier, ou vide pour illimité
err-quota-number = doit être un nombre entier, ou vide pour aucun quota
err-quotas-form = doit être de la forme PH=12, KE=4
err-plan-date = doit être une date comme 2027-03-09
err-plan-time = doit être une heure comme 09:00
err-plan-minutes = doit être une durée de 15 à 720 minutes
ws-done-choose-action = Choisissez une action.

# Export CSV : noms des colonnes
csv-id = id
csv-status = statut
csv-waitlist_position = rang sur la liste d’attente
csv-name = nom
csv-email = courriel
csv-organisation = organisation
csv-position = fonction
csv-country = pays
csv-country_name = nom du pays
csv-time_zone = fuseau horaire
csv-registered_at_utc = inscrit le (UTC)
csv-answers = réponses
csv-role = rôle
csv-note = note
csv-nominated_by = proposé par
csv-attendance = présence
csv-minutes_present = minutes de présence

# Pourquoi une action d’organisateur n’a pas été faite
only-pending-approved = Seules les inscriptions à valider peuvent être validées ; celle-ci est : { $status }.
only-waiting-promoted = Seule une personne sur la liste d’attente peut être promue.
no-seat-free = Aucune place n’est libre : augmentez d’abord la capacité.
not-your-region = Cette session est organisée par une région que votre compte ne couvre pas.
err-cancelled-unchangeable = cette session est annulée et ne peut plus être modifiée
only-empty-draft-deleted = Seul un brouillon sans inscrit peut être supprimé ; annulez-le plutôt.

# Certificats de participation
subject-certificate = Certificat de participation : { $title }
lead-certificate = Merci de votre participation. Votre certificat de participation est joint à ce courriel (PDF) ; vous pouvez aussi le télécharger depuis la page de votre inscription.
lead-certificate-verify = Toute personne à qui vous le montrez peut le vérifier avec le code et l’adresse qui y sont imprimés.
cert-not-held = Les certificats se délivrent pour une session qui a eu lieu : celle-ci n’est pas terminée, ou c’est un brouillon, ou elle est annulée.
cert-network = Centres d’excellence CBRN de l’Union européenne
cert-heading = Certificat de participation
cert-certifies = Il est certifié que
cert-took-part = { $kind ->
    [webinar] a assisté au webinaire
    [training] a participé à la formation
    [meeting] a participé à la réunion
   *[other] a participé à l’exercice
}
cert-duration = { $minutes ->
    [0] { $hours } h
   *[other] { $hours } h { $minutes } min
}
cert-organised-by = Organisé par les Centres d’excellence CBRN de l’UE, { $region }
cert-organised-by-network = Organisé par les Centres d’excellence CBRN de l’UE
cert-number = Certificat { $number }
cert-issued = Délivré le { $date }
cert-reissued = Délivré le { $date }, réédité le { $again }
cert-verify = Vérification : { $url }
cert-verify-title = Certificat de participation
cert-valid = Ce certificat est valide.
cert-erased = Ce certificat n’est plus valide : les données de son titulaire ont été effacées.
cert-revoked = Ce certificat a été révoqué le { $date } et n’est plus valide.
cert-unknown = Aucun certificat ne porte ce code. Vérifiez le code imprimé sous le code QR.
cert-unknown-help = Les codes ont seize lettres et chiffres par groupes de quatre, comme K7PQ-2M9X-TR4D-8W3C.
cert-number-label = Numéro
cert-code-label = Code de vérification
cert-holder = Décerné à
cert-issued-label = Délivré
cert-reissued-on = réédité le { $date }
cert-revoked-on = révoqué le { $date }
cert-yours = Votre certificat de participation
cert-download = Télécharger votre certificat (PDF)
ws-certificates = Certificats de participation
ws-certificates-how = Chaque inscrit confirmé marqué présent reçoit un certificat par courriel, s’il a été présent au moins la part de la session ci-dessous quand ses minutes sont connues (rapport de réunion). Délivrer à nouveau ajoute ceux qui le méritent depuis et réédite, avec le même numéro, les certificats dont le nom ou l’organisation du titulaire a été corrigé.
ws-cert-percent = Présence minimale (% de la session)
ws-cert-issue = Délivrer les certificats et les envoyer
ws-cert-none = Aucun certificat n’a encore été délivré pour cette session.
ws-cert-revoke = Révoquer
ws-cert-revoke-of = Révoquer le certificat { $number }
ws-done-certificates = Certificats : { $issued } délivrés, { $reissued } réédités, { $unchanged } inchangés ; { $missing } inscrits n’y ont pas droit.
ws-done-cert-percent = Indiquez la présence minimale par un nombre entier de 1 à 100.
ws-done-cert-revoked = Le certificat { $number } est révoqué ; sa page de vérification l’indique.

# Présence d’après le rapport de réunion
ws-report-title = Présence d’après le rapport de la réunion
ws-report-how = Exportez le rapport des participants de Zoom, Teams ou Webex (CSV : nom, courriel, heures d’arrivée et de départ ou durée) et collez-le ci-dessous ou choisissez le fichier. Les inscrits confirmés dont le courriel y figure sont marqués présents avec leurs minutes de présence (toutes leurs connexions additionnées, au plus la durée de la session) ; les personnes qui ne correspondent à personne sont listées.
ws-report-file = Fichier du rapport (CSV)
ws-report-text = Rapport (collez le CSV ici)
ws-report-import = Importer la présence
ws-done-report = { $matched } marqués présents d’après le rapport. { $unmatched ->
    [0] Chacun y correspond à une inscription.
   *[other] { $unmatched } du rapport ne correspondent à aucune inscription confirmée : { $who }
}
ws-done-report-empty = Le rapport ne contient personne avec une adresse électronique.
ws-done-report-no-email = Aucune ligne de ce texte ne nomme une colonne de courriel : est-ce bien le rapport des participants ?
ws-done-report-no-duration = Le rapport n’a ni durée ni heures d’arrivée et de départ.

# Accueil à l’entrée
email-check-in = Votre code d’accueil à l’entrée
email-check-in-qr = Code QR de votre code d’accueil
check-in-title = Accueil : { $title }
check-in-tally = { $done } inscrits confirmés accueillis sur { $of }
check-in-code = Code d’accueil
check-in-hint = Saisissez le code du courriel ou de la page d’inscription de la personne (lettres et chiffres, tirets facultatifs), ou scannez son code QR.
check-in-button = Enregistrer l’arrivée
check-in-scan = Scanner avec la caméra
check-in-done = { $name } est enregistré(e).
check-in-already = { $name } était déjà enregistré(e) à { $time }.
check-in-unknown = Aucune inscription de cette session n’a ce code d’accueil.
check-in-not-confirmed = { $name } n’a pas de place confirmée (statut : { $status }).
check-in-open = Accueil à l’entrée (page pour téléphone)

# Answers to the session's questions
answer-yes = oui
answer-no = non
ws-columns = Réponses à afficher

# Sessions hybrides et en présentiel
venue = Lieu
venue-map = carte
interpretation = Interprétation vers
seats-room = Places dans la salle
field-attendance = Comment vous participez
field-interpretation = Interprétation dont vous avez besoin
attendance-in_person = Dans la salle
attendance-online = En ligne
attendance-meanwhile = Si la salle est complète, donnez-moi une place en ligne en attendant une place dans la salle
interpretation-none = Aucune
err-attendance-in-person-only = cette session a lieu en présentiel seulement
err-attendance-online-only = cette session a lieu en ligne seulement
ws-f-venue = Lieu (sessions en présentiel et hybrides)
ws-f-venue-name = Nom du lieu
ws-f-venue-address = Adresse
ws-f-venue-city = Ville
ws-f-in-person-capacity = Places dans la salle (sessions hybrides ; la capacité ci-dessus est alors celle en ligne)
ws-f-interpretation = Interprétation vers (étiquettes de langue, p. ex. fr, ar, ru)
ws-by-attendance = Dans la salle et en ligne
ws-by-interpretation = Interprétation demandée
csv-attendance_mode = mode de participation
csv-interpretation = interprétation

## Genre, demandé seulement si le réseau l’active (rapports de l’UE par sexe)
field-gender = Genre
gender-why = Demandé pour les rapports de l’UE sur la participation par sexe ; seuls des totaux quittent Convene, et vous pouvez ne pas répondre.
gender-why-more = Pourquoi cette question
gender-female = Femme
gender-male = Homme
gender-another = Autre genre
gender-prefer-not-to-say = Je préfère ne pas le dire
gender-not-stated = Non indiqué
err-gender-not-asked = n’est pas demandé par ce réseau
privacy-gender-title = Genre
privacy-gender = Lorsque le réseau le demande, le formulaire d’inscription propose une question facultative sur votre genre. La réponse sert uniquement à compter la participation par sexe, comme l’Union européenne le demande aux programmes qu’elle finance : les organisateurs voient des totaux, jamais qui a répondu quoi, et seuls des totaux quittent Convene (dans les rapports, où les groupes de moins de 5 personnes ne sont pas montrés). Vous pouvez ne pas répondre ; effacer votre inscription efface aussi cette réponse.
rp-by-gender = Par genre
rp-col-genders = Genre
rp-gender-note = Déclaré par chacun dans le formulaire d’inscription ; les personnes qui n’ont rien indiqué sont comptées comme « Non indiqué ».
ws-network-settings = Réglages du réseau
ws-logo = Logo du réseau
ws-logo-current = Le logo affiché
ws-logo-file = Un nouveau logo
ws-logo-hint = PNG, JPEG ou WebP, 200 Ko au plus ; affiché sur 32 pixels de haut à côté du nom du réseau.
ws-logo-save = Utiliser ce logo
ws-logo-remove = Retirer le logo
ws-logo-saved = Le nouveau logo s’affiche sur chaque page.
ws-logo-removed = Le logo est retiré : les pages n’affichent que le nom.
ws-logo-invalid = Le logo doit être une image PNG, JPEG ou WebP de 200 Ko au plus.
ws-network-name = Nom du réseau
ws-network-name-hint = Affiché à côté de Convene dans l’en-tête de chaque page.
ws-funded-by = Mention « financé par »
ws-funded-by-hint = Affichée au pied de chaque page, par exemple « Financé par l’Union européenne » ; vide, aucune.
ws-identity-invalid = Le nom du réseau doit compter de 1 à 120 caractères et la mention « financé par » au plus 200, sur une ligne.
ws-ask-gender = Les formulaires d’inscription demandent le genre (facultatif pour les participants)
ws-ask-gender-hint = Pour les rapports de l’UE sur la participation par sexe. Les participants peuvent toujours ne pas répondre ; les organisateurs ne voient que des totaux, dans les rapports.
ws-save-settings = Enregistrer les réglages
ws-ask-gender-on = Les formulaires d’inscription demandent désormais le genre.
ws-ask-gender-off = Les formulaires d’inscription ne demandent plus le genre ; les réponses déjà données restent dans les totaux des rapports.
rp-filter-region = Participants de la région
rp-filter-country = Participants du pays
rp-filter-topic = Thème
rp-filter-kind = Type
rp-filter-format = Format
rp-filter-all = Tous
rp-filtered = Restreint par les filtres ci-dessus : une région ou un pays compte ses propres participants, dans les sessions qui leur sont ouvertes.

## Documents et enregistrements
ws-materials = Documents et enregistrements
ws-materials-how = Partagez un lien (un enregistrement, des diapositives sur un espace partagé) ou un fichier (PDF, PowerPoint, Word, Excel, ZIP). « Inscrits seulement » désigne les personnes dont la place est confirmée, depuis la page de leur inscription ; les documents publics figurent aussi sur la page de la session.
ws-materials-none = Rien n’est encore partagé.
ws-material-title = Titre
ws-material-who = Qui peut l’ouvrir
ws-material-what = Quoi
ws-actions = Actions
ws-material-remove = Retirer
ws-material-remove-of = Retirer « { $title } »
ws-material-add-link = Ajouter un lien
ws-material-url = Adresse (https://…)
ws-material-upload = Déposer un fichier
ws-material-file = Fichier
ws-material-file-hint = { $size } au plus. Il est toujours téléchargé, jamais ouvert dans le navigateur.
ws-material-tell = Prévenir par courriel les personnes dont la place est confirmée
material-audience-public = Tout le monde
material-audience-registrants = Inscrits seulement
materials-title = Documents
material-link = lien
ws-done-material = « { $title } » est partagé.
ws-done-material-told = « { $title } » est partagé, et les personnes dont la place est confirmée sont prévenues par courriel.
ws-done-material-removed = « { $title } » est retiré.
err-material-url = doit être une adresse web commençant par https:// ou http://
err-material-file = choisissez un fichier à déposer
material-cancelled = Cette session est annulée : plus rien ne peut être partagé pour elle.
subject-material = Documents disponibles : { $title }
lead-material = Les organisateurs ont partagé « { $material } ».
lead-material-where = Ouvrez-le depuis la page de votre inscription (le lien ci-dessous).

## Avis après une session
fb-q-overall = Dans l’ensemble, comment évaluez-vous cette session ? (1 = faible, 5 = excellente)
fb-q-useful = Est-elle utile pour votre travail ? (1 = pas du tout, 5 = très)
fb-q-improve = Que devrions-nous améliorer ?
fb-err-no-questions = un formulaire d’avis demande au moins une question
fb-err-hours = doit être un nombre d’heures de 0 à 720
fb-already = Cet avis a déjà été donné : chacun répond une fois.
fb-anonymity-fixed = Des personnes ont répondu selon ce que le formulaire disait de leur nom : l’anonymat des réponses ne peut plus changer.
fb-already-sent = Le formulaire a déjà été envoyé ; il peut être modifié mais pas retiré.
subject-feedback = Votre avis : { $title }
subject-feedback-reminder = Rappel — votre avis : { $title }
lead-feedback = Merci d’avoir participé à « { $title } ». Quelques questions prennent deux minutes et aident les organisateurs à préparer les prochaines sessions.
lead-feedback-once = Vous pouvez répondre une fois, tant que les organisateurs n’ont pas clos le formulaire.
email-feedback-action = Donner mon avis
fb-title = Votre avis : { $title }
fb-thanks = Merci : votre avis est enregistré. Chacun répond une fois.
fb-anonymous = Vos réponses sont conservées à part de votre nom : les organisateurs voient que vous avez répondu, jamais ce que vous avez dit.
fb-named = Les organisateurs verront votre nom avec vos réponses.
fb-send = Envoyer mon avis
fb-once = Vous pouvez répondre une fois.
ws-feedback = Avis
ws-feedback-status = Sollicités : { $asked } · réponses : { $answered }.
ws-feedback-results = Voir les résultats
ws-feedback-none = Pas encore de formulaire d’avis. Enregistrez les questions ci-dessous (les trois habituelles pour commencer) : elles sont envoyées aux présents — ou, si la présence n’a pas été relevée, à toutes les personnes dont la place est confirmée — après la session, avec un rappel 3 jours plus tard.
ws-feedback-questions = Questions
fb-col-label = Question
fb-col-kind = Type
fb-col-choices = Choix (séparés par des virgules)
fb-col-required = Obligatoire
fb-col-remove = Retirer
fb-label-n = Question { $n }
fb-kind-n = Type de la question { $n }
fb-choices-n = Choix de la question { $n }
fb-required-n = La question { $n } est obligatoire
fb-remove-n = Retirer la question { $n }
fb-builder-how = Laissez une ligne vide pour ne rien ajouter. Une question à choix unique dont les choix sont des nombres entiers (1, 2, 3, 4, 5) est une note : sa moyenne est affichée.
fb-anonymous-option = Conserver les réponses à part des noms (le formulaire le dit)
fb-hours = Envoyer ce nombre d’heures après la fin de la session
fb-save = Enregistrer le formulaire d’avis
fb-create = Demander un avis après la session
fb-remove-form = Retirer le formulaire d’avis
fb-kind-short_text = Texte court
fb-kind-long_text = Texte long
fb-kind-single_choice = Choix unique
fb-kind-multiple_choice = Choix multiples
fb-kind-checkbox = Case à cocher
ws-done-feedback = Le formulaire d’avis est enregistré.
ws-done-feedback-removed = Le formulaire d’avis est retiré.
fb-results-title = Avis : { $title }
fb-back = Retour à « { $title } »
fb-results-anonymous = Les réponses sont anonymes : elles sont comptées et listées à part de leurs auteurs.
fb-results-named = Les réponses ne sont pas anonymes : le téléchargement nomme l’auteur de chacune.
fb-csv = Télécharger les réponses (CSV)
fb-answered-n = { $count ->
    [one] 1 réponse
   *[other] { $count } réponses
}
fb-average = moyenne { $average }
fb-chart-title = Réponses à « { $question } »
fb-col-answer = Réponse
fb-col-count = Personnes
fb-who = Qui a répondu
fb-who-hidden = Les noms sont affichés à partir de { $n } réponses, pour qu’aucune réponse ne puisse être attribuée.
fb-none-yet = Personne n’a encore répondu.
rp-map-title = Carte des inscriptions par pays partenaire
rp-map-country = { $country } : { $registrations } inscriptions, { $attended } présents
rp-map-legend = Inscriptions :
rp-map-credit = Contours : @svg-maps/world de Victor Cazanave, CC BY 4.0, simplifiés. Le tableau à côté donne tous les chiffres.
fb-too-late = Cette session s’est terminée il y a plus de { $days } jours : un formulaire d’avis enregistré maintenant n’est pas envoyé.
fb-col-position = Rang
fb-position-n = Rang de la question { $n }
ws-placeholders = Dans l’objet et le message, ceux-ci sont remplis pour chaque personne :
ws-preview-text = La partie en texte brut
ws-sent-title = Messages envoyés
ws-sent-none = Aucun message n’a encore été envoyé aux inscrits de cette session.
ws-sent-people = { $count ->
    [one] 1 personne
   *[other] { $count } personnes
}
ws-sent-to-confirmed = confirmés
ws-sent-to-waitlisted = liste d’attente
ws-sent-to-pending_approval = en attente d’approbation
err-placeholder = { $placeholder } n’est pas rempli ; ceux qui le sont : { $known }
add-to-my-calendar = Ajouter à mon agenda
