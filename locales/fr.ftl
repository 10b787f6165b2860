# Pages : le cadre
skip-link = Aller au contenu
show-times-in = Afficher les heures de
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
