# الفهرس العربي لـ Convene.
# ترجمه فريق التطوير، ويجب أن يراجعه متحدث أصلي من الشبكة (مثلًا أمانة
# منطقة الشرق الأوسط أو شمال أفريقيا) قبل الإعلان عن النسخة العربية.
# المصطلحات: locales/glossary.ar.md (كلمة واحدة لكل مفهوم: جلسة، تسجيل،
# قائمة الانتظار، نقطة الاتصال الوطنية).
# صيغ الجمع: zero (0)، one (1)، two (2)، few (3–10)، many (11–99)، other (100…).
# الأرقام: الأرقام الغربية 0–9 في كل مكان (انظر الملف glossary.ar.md).
# المعاملات تُعزل تلقائيًا (FSI … PDI) حتى لا يغيّر اسم لاتيني أو عنوان بريد ترتيب الجملة.

# الصفحات: الإطار
skip-link = انتقل إلى المحتوى
show-times-in = اعرض الأوقات بتوقيت
zone-and-language = المنطقة الزمنية واللغة
apply = تطبيق
language = اللغة
footer-about = Convene — جلسات شبكة مراكز التميّز للحدّ من المخاطر الكيميائية والبيولوجية والإشعاعية والنووية التابعة للاتحاد الأوروبي. تتبع الأوقات قاعدة بيانات المناطق الزمنية من IANA، الإصدار { $tzdb }.
lost-link = هل فقدت رابط تسجيلك؟
privacy = الخصوصية
zone-group-other = أخرى

# الصفحة الرئيسية
home-title = الجلسات القادمة
times-shown-in = الأوقات معروضة بتوقيت
choose-zone-hint = (اختر منطقتك الزمنية في الأعلى)
filter-sessions = تصفية الجلسات
filter-region = المنطقة
filter-all-regions = كل المناطق
filter-country = البلد
filter-all-countries = كل البلدان
filter-topic = الموضوع
filter-all-topics = كل المواضيع
filter-format = الشكل
filter-any-format = أي شكل
filter = تصفية
clear-filters = مسح عوامل التصفية
no-sessions = لا توجد جلسات قادمة.
no-sessions-filtered = لا توجد جلسات قادمة تطابق عوامل التصفية هذه.
archive-title = الجلسات السابقة
archive-link = الجلسات السابقة (الأرشيف)
no-past = لم تُعقد أي جلسة بعد.
no-past-filtered = لا توجد جلسة سابقة تطابق عوامل التصفية هذه.
empty-see-upcoming = عرض الجلسات القادمة
empty-see-archive = البحث في الجلسات السابقة
empty-subscribe = اشترك في تقويم لترى الجلسات الجديدة فور نشرها
search-words = كلمات
search-hint = في العنوان أو الملخص، مثل «السلامة الحيوية» أو «مراقبة الصادرات».
cancelled = ملغاة
planned-as = مقررة في { $when }
previous-page = جلسات سابقة
next-page = جلسات لاحقة

# الفترات الزمنية
in-city = بتوقيت { $city }
day-later = { $days ->
    [zero] اليوم نفسه
    [one] اليوم التالي
    [two] بعد يومين
    [few] بعد { $days } أيام
    [many] بعد { $days } يومًا
   *[other] بعد { $days } يوم
}
day-earlier = { $days ->
    [zero] اليوم نفسه
    [one] اليوم السابق
    [two] قبل يومين
    [few] قبل { $days } أيام
    [many] قبل { $days } يومًا
   *[other] قبل { $days } يوم
}

# الاشتراك
subscribe = اشترك
subscribe-webcal = اشترك (webcal)
all-feeds = كل موجزات التقويم
pages = الصفحات
page-number = الصفحة { $page }

# صفحة الجلسة
session-cancelled = أُلغيت هذه الجلسة.
session-demo = هذه جلسة تجريبية.
session-full = اكتمل عدد المقاعد في هذه الجلسة.
when-session-zone = الموعد ({ $city }، المنطقة الزمنية للجلسة)
your-time = توقيتك ({ $city })
kind-and-format = النوع والشكل
location = المكان
session-language = اللغة
who-may-take-part = من يمكنه المشاركة
seats = المقاعد
seats-left = { $left } متاحة من { $of }
card-full-waitlist = ممتلئة: سجّل لتنضم إلى قائمة الانتظار
card-full = ممتلئة
card-closes = يُغلق التسجيل في { $when }
card-by-nomination = المقاعد بترشيح من نقطة الاتصال الوطنية في كل بلد
topics = المواضيع
register = التسجيل
local-times = الأوقات المحلية في البلدان المشاركة
local-time = الوقت المحلي
utc-offset = الفرق عن UTC
zones = المناطق الزمنية
countries = البلدان
add-to-calendar = أضف إلى تقويمك
download-ics = نزّل هذه الجلسة (.ics)
or-subscribe = ، أو اشترك في موجز يبقى محدّثًا
kind-webinar = ندوة عبر الإنترنت
kind-training = تدريب
kind-meeting = اجتماع
kind-exercise = تمرين
format-online = عبر الإنترنت
format-in_person = حضوري
format-hybrid = مختلط (حضوري وعبر الإنترنت)
# علامة قبل القائمة.
colon = :

# استمارة التسجيل
register-title = التسجيل: { $title }
your-time-is = توقيتك: { $when }
back-to-session = العودة إلى الجلسة
correct-fields = { $count ->
    [one] يُرجى تصحيح حقل واحد
    [two] يُرجى تصحيح حقلين
    [few] يُرجى تصحيح { $count } حقول
    [many] يُرجى تصحيح { $count } حقلًا
   *[other] يُرجى تصحيح { $count } حقل
}
approval-note = يوافق المنظمون على كل تسجيل؛ وستصلك رسالة منهم بالبريد الإلكتروني.
waitlist-note = اكتمل عدد المقاعد في هذه الجلسة: إن سجّلت فستنضم إلى قائمة الانتظار، وسنراسلك عندما يتوفر مقعد.
honeypot = اترك هذا الحقل فارغًا
optional = (اختياري)
field-name = الاسم الكامل
field-email = البريد الإلكتروني
field-organisation = المؤسسة
field-position = المنصب
field-country = البلد الشريك
choose-country = اختر بلدك
field-time-zone = منطقتك الزمنية
country-main-zone = المنطقة الزمنية الرئيسية لبلدي
time-zone-hint = تُكتب الأوقات في الرسائل والدعوات بهذه المنطقة الزمنية.
consent-before = أوافق على أن يحتفظ Convene باسمي وبريدي الإلكتروني ومؤسستي وبلدي لتنظيم هذه الجلسة ومراسلتي بشأنها، كما هو موضح في
privacy-notice = إشعار الخصوصية

# الرسائل: الإطار
email-greeting = مرحبًا { $name }،
email-where = المكان
email-join = رابط الندوة عبر الإنترنت
email-session-page = صفحة الجلسة
email-manage = تسجيلك (عرضه، إلغاؤه، إضافته إلى تقويمك)
email-manage-link = تسجيلك
email-manage-after = : لعرضه أو إلغائه أو إضافته إلى تقويمك.
email-signature = Convene، مراكز التميّز التابعة للاتحاد الأوروبي
# The network's name: the default in this language, or an admin's own (then quoted as set)
network-name = مراكز التميّز التابعة للاتحاد الأوروبي
email-signature-custom = Convene، { $network }
footer-about-custom = Convene — { $network }. تتبع الأوقات قاعدة بيانات المناطق الزمنية من IANA، الإصدار { $tzdb }.
cert-organised-by-custom = الجهة المنظِّمة: { $network }
email-recovery-ignore = إن لم تطلب هذه الرسالة فيمكنك تجاهلها.

# الرسائل: العناوين
subject-confirmed = تأكيد التسجيل: { $title }
subject-approved = الموافقة على التسجيل: { $title }
subject-waitlisted = في قائمة الانتظار: { $title }
subject-pending = استلمنا تسجيلك وهو بانتظار الموافقة: { $title }
subject-rejected = لم يُقبل التسجيل: { $title }
subject-withdrawn = إلغاء التسجيل: { $title }
subject-promoted = المقعد لك: { $title }
subject-reminder = تذكير: تبدأ { $title } { $hours ->
    [one] بعد ساعة
    [two] بعد ساعتين
    [few] بعد { $hours } ساعات
    [many] بعد { $hours } ساعة
   *[other] بعد { $hours } ساعة
}
subject-recovery-one = رابط تسجيلك: { $title }
subject-recovery-many = روابط تسجيلاتك
subject-session-changed = تغيير في الجلسة: { $title }
subject-session-cancelled = إلغاء الجلسة: { $title }

# الرسائل: ما حدث
lead-confirmed = تم تأكيد تسجيلك.
lead-approved = وافق المنظمون على تسجيلك: مقعدك مؤكد.
lead-invite-attached = تضيف دعوة التقويم المرفقة بهذه الرسالة الجلسةَ إلى تقويمك وتحدّثها إن تغيّرت.
lead-waitlisted = اكتمل عدد المقاعد، لذا أنت في قائمة الانتظار برقم { $position }.
lead-waitlisted-approved = وافق المنظمون على تسجيلك. اكتمل عدد المقاعد، لذا أنت في قائمة الانتظار برقم { $position }.
lead-waitlist-promise = إذا توفر مقعد فسيصبح لك تلقائيًا، وسنرسل إليك رسالة مع دعوة للتقويم.
lead-pending = استلمنا تسجيلك. يوافق المنظمون على كل مشارك، وسنراسلك عندما يقررون.
lead-rejected = نأسف: لم يتمكن المنظمون من قبول تسجيلك في هذه الجلسة.
lead-withdrawn = أُلغي تسجيلك كما طلبت.
lead-withdrawn-calendar = يزيل إلغاء التقويم المرفق الجلسةَ من تقويمك.
lead-promoted = خبر سار: توفر مقعد وأصبح لك. تم تأكيد تسجيلك.
lead-promoted-invite = تضيف دعوة التقويم المرفقة بهذه الرسالة الجلسةَ إلى تقويمك.
lead-reminder = للتذكير: تبدأ الجلسة التي سجّلت فيها { $hours ->
    [one] بعد ساعة
    [two] بعد ساعتين
    [few] بعد { $hours } ساعات
    [many] بعد { $hours } ساعة
   *[other] بعد { $hours } ساعة
}.
lead-recovery = طلبت روابط تسجيلاتك، وها هي؛ يتيح لك كل رابط عرض التسجيل أو إلغاءه أو إضافته إلى تقويمك.
lead-session-changed = غيّر المنظمون موعد هذه الجلسة أو مكانها. التفاصيل أدناه هي الجديدة.
lead-session-changed-calendar = تحدّث الدعوة المرفقة تقويمك.
lead-session-cancelled = نأسف: ألغى المنظمون هذه الجلسة.
lead-session-cancelled-calendar = يزيلها إلغاء التقويم المرفق من تقويمك.
lead-cancel-reason = سبب الإلغاء كما ذكره المنظمون: { $reason }

# دعوات التقويم: وصف الحدث
invite-join = رابط الندوة عبر الإنترنت: { $url }
invite-registration = تسجيلك: { $url }
invite-session-page = صفحة الجلسة: { $url }

# تسجيل المشارك
your-registration = تسجيلك
your-registration-title = تسجيلك: { $title }
organisers-cancelled = ألغى المنظمون هذه الجلسة.
when-your-time = الموعد (بتوقيتك)
in-session-zone = بالمنطقة الزمنية للجلسة
status = الحالة
waitlist-number = — رقم { $position } في قائمة الانتظار
webinar-link = رابط الندوة عبر الإنترنت
your-calendar = تقويمك
download-invite = نزّل الدعوة (.ics)
personal-feed-intro = اشترك في هذا التسجيل من تقويمك؛ يبقى محدّثًا إذا تغيّر موعد الجلسة أو أُلغيت:
subscribe-in-app = اشترك من تطبيق التقويم
feed-address = عنوان الموجز (انسخه في خيار «إضافة تقويم من عنوان URL» في تطبيقك)
renew-feed = امنح موجزي عنوانًا جديدًا
renew-feed-note = (يتوقف العنوان القديم عن العمل)
cannot-come = لا تستطيع الحضور؟
cancel-my-registration = إلغاء تسجيلي
your-data = بياناتك
download-data = نزّل كل ما نحتفظ به عنك (JSON)
erase-my-data = امحُ بياناتي
keep-private = حافظ على سرية عنوان هذه الصفحة: يستطيع كل من يملكه عرض هذا التسجيل وإلغاءه (دون تسجيلاتك الأخرى).
my-sessions = جلساتي في Convene
status-confirmed = مؤكَّد
status-waitlisted = في قائمة الانتظار
status-pending_approval = بانتظار الموافقة
status-rejected = غير مقبول
status-cancelled = ملغى
subject-pending-endorsement = بانتظار الاعتماد: { $title }
lead-pending-endorsement = استلمنا تسجيلك. تعتمد نقطة الاتصال الوطنية في بلدك المشاركين في هذه الجلسة أولًا، وسنراسلك مجددًا عندما تفعل.
subject-endorsement-requested = طلب اعتماد: { $name } في { $title }
lead-endorsement-requested = سجّل { $name } ({ $organisation }، { $country }) في { $title }، { $when }، وينتظر اعتمادك بصفتك نقطة الاتصال الوطنية.
lead-endorsement-how = يمكنك الاعتماد أو الرفض من صفحة الجلسة في مساحة عملك: { $workspace } (أو برمز API الخاص بحسابك: POST { $endorse } أو POST { $decline }).
status-pending_endorsement = بانتظار الاعتماد
participation-endorsement = مع الاعتماد: يسجّل الأشخاص بأنفسهم، وتعتمدهم نقطة الاتصال الوطنية
ws-f-quota-release = عند إغلاق الترشيحات، تذهب المقاعد الشاغرة إلى قائمة الانتظار أيًّا كان البلد
endorsement-not-pending = لا يمكن اعتماد أو رفض إلا تسجيل بانتظار الاعتماد؛ حالة هذا التسجيل: { $status }.
ws-st-pending_endorsement = بانتظار الاعتماد
subject-nominated = تم ترشيحك: { $title }
subject-declined = رفض الترشيح: { $title }
subject-lapsed = انقضاء الترشيح: { $title }
lead-nominated = رشّحتك نقطة الاتصال الوطنية في بلدك لهذه الجلسة، وحُجز لك مقعد.
lead-nominated-answer = يُرجى قبول الترشيح (بتأكيد بياناتك واختيار منطقتك الزمنية وإعطاء موافقتك) أو رفضه من صفحة تسجيلك أدناه. ينقضي الترشيح الذي لم يُرَدّ عليه عند إغلاق الترشيحات، أو بعد أسبوع.
lead-declined = رفضت الترشيح؛ عاد مقعدك إلى نقطة الاتصال الوطنية في بلدك.
lead-lapsed = لم تردّ على الترشيح في الوقت المحدد، لذا أُلغي حجز المقعد الذي كان لك.
status-nominated = مرشَّح
status-declined = مرفوض
status-lapsed = منقضٍ
nomination-only = تُمنح المقاعد في هذه الجلسة عن طريق نقطة الاتصال الوطنية لكل بلد شريك: اطلب من نقطة الاتصال في بلدك ترشيحك.
nominations-closed = أُغلقت الترشيحات لهذه الجلسة في { $date }.
nomination-outside-country = لا يمكنك أن ترشّح إلا أشخاصًا من بلدانك.
nomination-not-pending = لا يمكن قبول أو رفض إلا ترشيح معلّق؛ حالة هذا الترشيح: { $status }.
ws-f-participation = المشاركة
ws-f-nominations-close = إغلاق الترشيحات (بالتوقيت المحلي؛ تنقضي حينها الترشيحات التي لم يُرَدّ عليها)
participation-open = مفتوحة: يسجّل الأشخاص بأنفسهم
participation-nomination = بالترشيح: ترشّح نقاط الاتصال الوطنية الأشخاص
manage-nominated = تم ترشيحك. اقبل الترشيح لتأخذ المقعد المحجوز لك، أو ارفضه لإعادته.
manage-accept = قبول الترشيح
manage-decline = رفض الترشيح
manage-consent = أوافق على الاحتفاظ ببياناتي لتنظيم هذه الجلسة (انظر إشعار الخصوصية).
role-participant = مشارك
role-trainer = مدرّب
role-observer = مراقب
role-speaker = متحدث
notice-confirmed = تم تسجيلك. رسالة تأكيد مع دعوة للتقويم في طريقها إلى { $email }.
notice-waitlisted = اكتمل عدد المقاعد، لذا أنت في قائمة الانتظار (رقم { $position }). سنراسل { $email } فور توفر مقعد.
notice-pending = تسجيلك بانتظار موافقة المنظمين. سنراسل { $email } عندما يقررون.
notice-cancelled = أُلغي تسجيلك. إلغاء لتقويمك في طريقه إليك بالبريد الإلكتروني.
notice-feed-renewed = لموجزك الشخصي عنوان جديد؛ لم يعد العنوان القديم يعمل. حدّث اشتراك تقويمك.

# الإلغاء
cancel-title = إلغاء تسجيلك
cancel-question = هل تريد إلغاء تسجيلك؟
cancel-seat-goes = سيذهب مقعدك إلى الشخص التالي في قائمة الانتظار، إن وُجد.
cancel-yes = نعم، ألغِ تسجيلي
keep-it = لا، أبقِه

# المحو
erase-title = محو بياناتك
erase-question = هل تريد محو بياناتك؟
erase-explain = يمحو هذا اسمك ومؤسستك ومنصبك وإجاباتك من كل تسجيل تم بالعنوان { $email }، ويلغي التسجيلات التي ما زالت قائمة (تذهب مقاعدك إلى التالين في قوائم الانتظار)، ويحذف الرسائل التي تنتظر الإرسال إليك. لا يُحتفظ إلا ببلدك، دون اسمك، لإحصاءات الشبكة.
erase-final = ستتوقف روابط تسجيلاتك عن العمل. لا يمكن التراجع عن ذلك.
erase-copy-first = نزّل نسخة من بياناتك
erase-copy-first-after = أولًا إن أردت الاحتفاظ بها.
erase-yes = نعم، امحُ بياناتي
erased-title = مُحيت بياناتك
erased-text = لم يعد اسمك وعنوان بريدك ومؤسستك وإجاباتك موجودة في Convene، وأُلغيت تسجيلاتك القائمة، ولن تصلك رسائل أخرى. تبقى مواعيد التقويم التي أضفتها بنفسك في تقويمك حتى تزيلها.
see-upcoming = عرض الجلسات القادمة

# الرابط المفقود
recover-title = هل فقدت رابطك؟
recover-sent = إذا كانت لهذا العنوان تسجيلات، فقد أرسلنا إليه الآن روابطها ورابطًا إلى كل ما نحتفظ به عنه. قد تستغرق الرسالة بضع دقائق لتصل.
recover-intro = أدخل عنوان البريد الإلكتروني الذي سجّلت به. سنرسل إليك روابط تسجيلاتك القائمة، ورابطًا لعرضها كلها أو تنزيل بياناتك أو محوها.
recover-send = أرسل روابطي
bad-email = البريد الإلكتروني: { $problem }.

# صفحة موجزات التقويم
feeds-title = موجزات التقويم
feeds-intro = اشترك مرة واحدة وسيُبقي تطبيق التقويم (تقويم Google أو Outlook أو تقويم Apple أو Thunderbird) هذه الجلسات محدّثة تلقائيًا، بما في ذلك الجلسات الجديدة وتغيير المواعيد والإلغاءات؛ اختر «اشترك» أو انسخ العنوان في خيار «إضافة تقويم من عنوان URL» في تطبيقك.
feeds-by-region = حسب المنطقة
feeds-by-topic = حسب الموضوع
feeds-by-country = حسب البلد
feeds-personal-note = موجزك الشخصي، وفيه كل جلسة سجّلت فيها، موجود في صفحة تسجيلك.

# إشعار الخصوصية
privacy-title = إشعار الخصوصية
privacy-what = عندما تسجّل في جلسة، يحتفظ Convene بما تدخله في الاستمارة — اسمك وعنوان بريدك الإلكتروني ومؤسستك ومنصبك وبلدك الشريك ومنطقتك الزمنية وإجاباتك عن أسئلة الجلسة — مع وقت إعطائك الموافقة.
privacy-why-title = لماذا
privacy-why = لتنظيم الجلسة: لحجز مقعدك، ولإرسال التأكيد ودعوات التقويم والتغييرات والإلغاءات والتذكيرات إليك، ولتزويد منظمي شبكة مراكز التميّز التابعة للاتحاد الأوروبي بقائمة المشاركين وبالأرقام حسب البلد والمنطقة.
privacy-who-title = من يطّلع عليها
privacy-who = منظمو الجلسة ومسؤولو الشبكة. لا يُعرض رابط الندوة إلا على المشاركين المؤكَّدين. لا يطّلع أحد غيرهم على بياناتك، ولا تُستخدم إلا للجلسة.
privacy-rights-title = حقوقك
privacy-rights = يتيح لك الرابط السري لتسجيلك (الموجود في كل رسالة نرسلها إليك عنه، والمعروض بعد التسجيل) عرض ذلك التسجيل وإلغاءه وإضافته إلى تقويمك وتنزيل ما يحتويه ومحوه — دون أي شيء عن تسجيلاتك الأخرى. أما كل ما يخص عنوان بريدك الإلكتروني كله — قائمة جلساتك كلها وموجز تقويمها، ونسخة من كل ما يحتفظ به Convene عن العنوان، ومحوه (تُزال بياناتك من اسم وعنوان ومؤسسة وإجابات من كل تسجيلاتك، وتُلغى القائمة منها، ولا يبقى إلا بلدك، دون اسمك، في الإحصاءات) — فلا يُفتح إلا عبر رابط نرسله إلى ذلك العنوان عند الطلب، ويعمل لمدة ساعة. اطلبه من صفحة تسجيلك أو من «هل فقدت رابط تسجيلك؟» أسفل كل صفحة.
privacy-how-long-title = مدة الاحتفاظ
privacy-retention = يُمحى اسمك وعنوان بريدك ومؤسستك وإجاباتك تلقائيًا بعد انتهاء الجلسة { $days ->
    [one] بيوم واحد
    [two] بيومين
    [few] بـ{ $days } أيام
    [many] بـ{ $days } يومًا
   *[other] بـ{ $days } يوم
}؛ ولا يبقى إلا بلدك، دون اسمك، في إحصاءات الشبكة. يمكنك محوها بنفسك قبل ذلك في أي وقت.
privacy-no-retention = تحتفظ هذه الخدمة بالتسجيلات حتى تمحوها أنت أو المنظمون؛ ويمكنك محو تسجيلك بنفسك في أي وقت.

# صفحات الأخطاء
error-status = الخطأ { $status }.

# موجزات التقويم: كلمات الموجز الشخصي
feed-when = الموعد
feed-my-sessions = Convene: جلساتي
feed-my-sessions-description = الجلسات التي سجّلت فيها

# أخطاء الحقول (بعد اسم الحقل: «البريد الإلكتروني: مطلوب»)
err-required = مطلوب
err-too-long = يجب ألا يتجاوز { $max } حرفًا
err-control-chars = يجب ألا يحتوي على محارف تحكّم
err-single-line = يجب أن يكون سطرًا واحدًا بلا محارف تحكّم
err-email-long = أطول من 254 حرفًا
err-email-spaces = يجب ألا يحتوي على مسافات أو فواصل أسطر
err-email-at = يجب أن يحتوي على @
err-email-invalid = ليس عنوان بريد إلكتروني صحيحًا
err-country-code = يجب أن يكون رمز بلد من حرفين مثل JO أو MA
err-country-unknown = ليس بلدًا شريكًا (استخدم رمزًا من حرفين من /api/v1/countries)
err-consent = يجب إعطاؤها للتسجيل: نحتاج إليها لمعالجة تسجيلك
err-language = يجب أن تكون إحدى القيم: { $known }
err-zone-unknown = ليست منطقة زمنية من IANA (مثل Asia/Amman أو Europe/Brussels)
err-local-time = ليس تاريخًا ووقتًا محليين بالشكل 2027-03-09T16:00
err-gap = الوقت { $local } غير موجود في { $zone }: تقفز الساعات في ذلك اليوم من { $start } إلى { $end } (من UTC{ $before } إلى UTC{ $after })؛ اختر وقتًا خارج هذه الفجوة
err-answers-object = يجب أن يكون كائنًا من مفاتيح الأسئلة وإجاباتها
err-answer-unknown = ليس سؤالًا من أسئلة هذه الجلسة
err-answer-flag = يجب أن يكون true أو false
err-answer-text = يجب أن يكون نصًا
err-answer-choice = يجب أن يكون أحد الخيارات المعروضة
err-answer-choices = يجب أن يكون قائمة من الخيارات المعروضة
field-consent = الموافقة

# لماذا يُرفض التسجيل
closed-cancelled = أُلغيت هذه الجلسة.
closed-started = التسجيل مغلق: بدأت الجلسة.
closed-opens = يُفتح التسجيل في { $when }.
closed-closed = أُغلق التسجيل في { $when }.
not-eligible = هذه الجلسة مفتوحة للمشاركين من { $names } فقط.
already-registered = عنوان البريد الإلكتروني هذا مسجّل في هذه الجلسة من قبل. استخدم «هل فقدت رابطك؟» لتتلقى رابط إدارة تسجيلك مجددًا.
session-full-no-waitlist = اكتمل عدد المقاعد في هذه الجلسة.
open-to-all = مفتوحة لكل البلدان الشريكة
open-to = مفتوحة لـ{ $names }
error-not-found = الصفحة غير موجودة
error-not-found-text = لا توجد صفحة بهذا العنوان. ربما نُقلت، أو ربما لم تُنشر الجلسة.
error-internal = حدث خطأ ما
error-internal-text = تعذّر إتمام هذا الطلب. سُجّل الخطأ؛ يُرجى المحاولة لاحقًا.
error-invalid = بعض القيم غير صالحة
error-too-many = طلبات كثيرة جدًا
error-too-many-text = طلبات كثيرة جدًا من هذا العنوان؛ حاول مجددًا بعد { $seconds } ثانية.
error-unavailable = الخدمة غير متاحة
error-unavailable-text = لا تستطيع الخدمة الرد الآن؛ يُرجى المحاولة بعد بضع ثوانٍ.
error-forbidden = غير مسموح
error-conflict = لا يمكن تنفيذ هذا

# مساحة العمل
ws-nav = مساحة العمل
ws-sessions = الجلسات
ws-planner = المخطِّط
ws-accounts = الحسابات
ws-tokens = رموز API
ws-audit = سجل التدقيق
ws-reference = البيانات المرجعية
ws-password = كلمة المرور
ws-signed-in-as = مسجّل الدخول باسم { $email }
ws-sign-out = تسجيل الخروج
ws-title = { $page } — مساحة العمل
ws-sign-in = تسجيل الدخول
ws-sign-in-title = تسجيل الدخول إلى مساحة العمل
ws-change-password = تغيير كلمة المرور
ws-current-password = كلمة المرور الحالية
ws-new-password = كلمة المرور الجديدة (12 حرفًا على الأقل)
ws-new-password-again = كلمة المرور الجديدة مرة أخرى
ws-change-password-button = غيّر كلمة المرور
ws-only-action = الإجراء فقط
ws-action-example = مثلًا session.update
ws-newest-500 = أحدث 500 تغيير، الأحدث أولًا.
ws-when = متى
ws-who = من
ws-what = ماذا
ws-session = الجلسة
ws-before-after = قبل ← بعد
ws-token-shown-once = الرمز الجديد، يُعرض الآن فقط: انسخه في النظام الذي سيستخدمه.
ws-name = الاسم
ws-created = أُنشئ
ws-state = الحالة
ws-revoked = أُبطل في { $when }
ws-revoke = أبطِل { $name }
ws-new-token = رمز جديد
ws-token-name = الاسم (ما يستخدمه)
ws-create-token = أنشئ رمزًا
ws-roles-explained = يستطيع المديرون فعل كل شيء. يرى المنظمون ويغيّرون الجلسات التي تنظمها مناطقهم فقط. لا تغيّر نقاط الاتصال الوطنية أي جلسة؛ وترى عبر API الجلسات المفتوحة لبلدانها والمسجّلين من بلدانها فقط.
ws-role-regions-access = الدور والمناطق والصلاحية
ws-disabled = معطّل
ws-role = الدور
ws-role-admin = مدير
ws-role-organiser = منظِّم
ws-role-focal-point = نقطة اتصال وطنية
ws-countries-of = بلدان { $email } (رموز ISO، لنقاط الاتصال)
ws-countries-for-focal-points = البلدان (رموز ISO مثل JO وMA؛ لنقاط الاتصال)
ws-regions-of = مناطق { $email }
ws-disabled-explained = معطّل (لا يمكنه تسجيل الدخول)
ws-save-account = احفظ { $email }
ws-new-account = حساب جديد
ws-regions-for-organisers = المناطق (للمنظمين)
ws-first-password = كلمة المرور الأولى (12 حرفًا على الأقل؛ يمكنهم تغييرها)
ws-create-account = أنشئ الحساب
ws-new-session = جلسة جديدة
ws-status = الحالة
ws-when-your-time = الموعد (بتوقيتك)
ws-confirmed-capacity = المؤكَّدون / السعة
ws-waiting = في الانتظار
ws-pending = بانتظار الموافقة
ws-status-draft = مسودة
ws-status-published = منشورة
ws-status-cancelled = ملغاة
ws-public-page = الصفحة العامة
ws-series-page = كل مواعيد السلسلة
ws-series-edit-future = تعديل كل المواعيد القادمة
ws-series-edit-future-how = يفتح نموذج الموعد التالي مع تحديد «تطبيق على كل الجلسات القادمة»: يحتفظ كل موعد بوقته وفترة تسجيله.
ws-series-dates = المواعيد
ws-series-when = متى (المنطقة الزمنية للسلسلة)
ws-series-members = المسجّلون في السلسلة كلها: { $count }
ws-series-no-members = لم يسجّل أحد في السلسلة كلها بعد.
ws-series-holding = المواعيد المحجوزة
ws-series-holding-n = { $held } من { $of }
ws-unlimited = غير محدود
ws-counts = المؤكَّدون { $confirmed } من { $capacity }{ $nominated ->
    [0] {""}
   *[other] {" "}· المرشَّحون بانتظار ردّهم: { $nominated }
} · في الانتظار: { $waiting } · بانتظار الموافقة: { $pending }
ws-edit = تعديل
ws-clone = نسخ
ws-export-csv = صدّر التسجيلات (CSV)
ws-publish = نشر
ws-cancel-reason = السبب (يُذكر في الرسائل)
ws-registrations = التسجيلات
ws-filter-registrations = تصفية التسجيلات
ws-all = الكل
ws-country = البلد
ws-region = المنطقة
ws-search = بحث
ws-search-placeholder = الاسم، البريد، المؤسسة
ws-filter = تصفية
ws-choose = اختيار
ws-choose-person = اختر { $name }
ws-email = البريد الإلكتروني
ws-organisation = المؤسسة
ws-time-zone = المنطقة الزمنية
ws-registered = تاريخ التسجيل
ws-attendance = الحضور
ws-with-chosen = مع المختارين
ws-do-approve = الموافقة
ws-do-reject = الرفض
ws-do-promote = النقل من قائمة الانتظار
ws-do-cancel = الإلغاء
ws-do-move = النقل إلى الجلسة رقم…
ws-do-attended = تسجيل الحضور
ws-do-no-show = تسجيل الغياب
ws-do-unmarked = مسح الحضور
ws-move-target = رقم الجلسة (للنقل)
ws-apply = تطبيق
ws-figures = الأرقام
ws-chart-title = التسجيلات المؤكَّدة حسب البلد
ws-by-country = حسب البلد
ws-by-region = حسب المنطقة (يُحسب البلد الواقع في منطقتين في كلتيهما)
ws-confirmed = المؤكَّدون
ws-attended = الحاضرون
ws-email-registrants = راسل المسجّلين
ws-subject = الموضوع
ws-to = إلى
ws-to-everyone = كل المسجّلين (المؤكَّدون، في الانتظار، بانتظار الموافقة)
ws-to-confirmed = المؤكَّدون فقط
ws-to-waitlisted = قائمة الانتظار فقط
ws-to-pending = بانتظار الموافقة فقط
ws-message = الرسالة (يبدأ السطر الفارغ فقرة جديدة)
ws-preview = معاينة
ws-changes = التغييرات
ws-edit-session = تعديل الجلسة
ws-edit-title = تعديل «{ $title }»
ws-change-time-question = تغيير الموعد؟
ws-preview-title = معاينة: { $title }
ws-not-saved = لم يُحفظ بعد: احفظ أدناه، أو عدّل ثم عاين مجددًا.
ws-f-title = العنوان
ws-f-summary = الملخص (جملة أو جملتان للقوائم)
ws-f-description = الوصف (Markdown: **عريض**، قوائم، [روابط](https://…))
ws-f-kind = النوع
ws-f-format = الشكل
ws-f-organised-by = الجهة المنظمة
ws-f-no-region = (بلا منطقة: للمديرين فقط)
ws-f-zone = المنطقة الزمنية (اكتب للبحث)
ws-f-starts = البداية (بالتوقيت المحلي لتلك المنطقة)
ws-f-ends = النهاية (بالتوقيت المحلي لتلك المنطقة)
ws-f-open-planner = تحقق من هذا الموعد في كل البلدان الشريكة باستخدام المخطِّط
ws-f-capacity = السعة (فارغ: بلا حد)
ws-f-waitlist = قائمة انتظار عند الاكتمال
ws-f-approval = يوافق المنظمون على كل تسجيل
ws-f-regions = مفتوحة للمناطق (بلا مناطق ولا بلدان: مفتوحة للجميع)
ws-f-countries = وللبلدان (رموز ISO، مثل MA وSN)
ws-f-country-quota = المقاعد لكل بلد (فارغ: بلا حصة)
ws-f-quotas = مقاعد لبلدان محددة فوق ذلك (مثل PH=12، KE=4)
quota-full = { $places ->
    [one] المقعد الوحيد المخصص للمشاركين من { $country } محجوز، وليس لهذه الجلسة قائمة انتظار.
    [two] المقعدان المخصصان للمشاركين من { $country } محجوزان، وليس لهذه الجلسة قائمة انتظار.
    [few] المقاعد الـ{ $places } المخصصة للمشاركين من { $country } محجوزة، وليس لهذه الجلسة قائمة انتظار.
   *[other] المقاعد المخصصة للمشاركين من { $country } ({ $places }) محجوزة كلها، وليس لهذه الجلسة قائمة انتظار.
}
ws-f-topics = المواضيع
ws-f-language = اللغة (en، fr، ar، ru)
ws-f-opens = يُفتح التسجيل (بالتوقيت المحلي؛ فارغ: الآن)
ws-f-closes = يُغلق التسجيل (بالتوقيت المحلي؛ فارغ: عند البداية)
ws-f-place = المكان (للحضوري أو المختلط)
ws-f-join = رابط الندوة عبر الإنترنت (يُعرض على المشاركين المؤكَّدين فقط)
ws-f-questions = أسئلة إضافية في نموذج التسجيل
ws-f-repeat-legend = التكرار (اختياري: تحافظ السلسلة على هذا الوقت المحلي في منطقتها)
ws-f-repeat = التكرار
ws-f-no-repeat = بلا تكرار
ws-f-weekly = كل أسبوع
ws-f-fortnightly = كل أسبوعين
ws-f-monthly = كل شهر في اليوم نفسه من الأسبوع نفسه
ws-f-count = عدد الجلسات (2–52)
ws-f-until = أو حتى (تاريخ)
ws-f-all-future = طبّق على كل الجلسات المقبلة من هذه السلسلة (تحتفظ كل جلسة بتاريخها ووقتها وفترة تسجيلها)
ws-f-draft = مسودة (غير عامة)
ws-f-change-and-notify = غيّر الموعد وأبلغهم
ws-save = حفظ
ws-plan-intro = أين يقع الموعد لكل من يمكنه الحضور. ساعات العمل { $from }:00–{ $to }:00 بالتوقيت المحلي؛ وعطلة نهاية الأسبوع هي عطلة كل بلد.
ws-plan-correct = يُرجى تصحيح الخطة
ws-plan-date = التاريخ
ws-plan-start = البداية (بالتوقيت المحلي للمنطقة أدناه)
ws-plan-minutes = المدة (بالدقائق)
ws-plan-regions = مفتوحة للمناطق (بلا مناطق: كل البلدان الشريكة)
ws-plan-show = اعرض الخطة
ws-plan-create = أنشئ جلسة في هذا الموعد
ws-plan-organiser = المنطقة المنظِّمة
ws-plan-organiser-none = لا شيء
ws-plan-organiser-hint = يُحتسب يوم عمل أمانتها أيضًا.
ws-plan-stretch = ساعات عمل المنظِّمين (أنت في { $city } والأمانة)
ws-plan-stretch-strict = داخل 08:00–18:00 في يوم عمل حتمًا
ws-plan-stretch-stretched = يمكن البدء مبكرًا أو الانتهاء متأخرًا (07:00–21:00)، لا ليلًا أبدًا
ws-plan-stretch-free = لا تُحتسب: المشاركون وحدهم يقرّرون
ws-plan-hosts = يوم المنظِّمين
ws-plan-host-you = أنت ({ $city })
ws-plan-host-secretariat = الأمانة في { $city }
ws-plan-host-ok = ضمن ما سمحت به
ws-plan-host-outside = خارج ما سمحت به
ws-plan-grid = اليوم في كل منطقة زمنية
ws-plan-grid-how = صف لكل مجموعة مناطق زمنية تعيش اليوم بالطريقة نفسها؛ عمود لكل ساعة من اليوم في { $zone } (اختر ساعة لنقل الموعد إليها).
ws-plan-grid-zones = المناطق الزمنية
ws-plan-band-work = ساعات العمل
ws-plan-band-edge = مبكر أو متأخر
ws-plan-band-night = ليل
ws-plan-band-weekend = عطلة نهاية الأسبوع
ws-plan-band-chosen = الموعد
err-plan-stretch = اختر إلى أي حد يمكن أن تمتد ساعات المنظِّمين
err-plan-organiser = ليست منطقة
ws-plan-best = أفضل مواعيد البدء في ذلك اليوم
ws-plan-no-best = لا يقع أي موعد بدء في ذلك اليوم ضمن ساعات العمل لأي من هذه البلدان.
ws-plan-runs = كل سطر هو أول أو آخر موعد بدء في سلسلة من المواعيد المتساوية في الملاءمة، كل 30 دقيقة بينهما.
ws-plan-eligible = البلدان التي يمكنها الحضور
ws-plan-organisers = المنظمون
ws-plan-zone = المنطقة الزمنية
ws-plan-local = الوقت المحلي
ws-plan-offset = الفرق
ws-plan-flags = الملاحظات
ws-plan-outside = خارج ساعات العمل
ws-plan-weekend = عطلة نهاية الأسبوع
ws-plan-other-date = تاريخ آخر
ws-topics = المواضيع
ws-slug = المعرّف
ws-name-of = اسم { $slug }
ws-rename = إعادة التسمية
ws-new-topic = موضوع جديد
ws-add-topic = أضف موضوعًا
ws-countries-zones = البلدان ومناطقها الزمنية
ws-zones-explained = المنطقة الأولى هي المنطقة الافتراضية لمشاركي البلد. المناطق أسماء IANA تفصل بينها فواصل.
ws-time-zones = المناطق الزمنية
ws-zones-of = المناطق الزمنية لـ{ $country }
ws-correct-fields = { $count ->
    [one] يُرجى تصحيح حقل واحد
    [two] يُرجى تصحيح حقلين
    [few] يُرجى تصحيح { $count } حقول
    [many] يُرجى تصحيح { $count } حقلًا
   *[other] يُرجى تصحيح { $count } حقل
}
ws-people-registered = { $count ->
    [one] شخص واحد مسجّل.
    [two] شخصان مسجّلان.
    [few] { $count } أشخاص مسجّلون.
    [many] { $count } شخصًا مسجّلون.
   *[other] { $count } شخص مسجّلون.
} سيتلقى كل منهم رسالة بالموعد الجديد مع دعوة تقويم محدّثة.
ws-preview-to = معاينة: إلى { $count ->
    [one] شخص واحد
    [two] شخصين
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}، كما سيقرؤها { $to }
ws-send-to = { $count ->
    [one] إرسال إلى شخص واحد
    [two] إرسال إلى شخصين
    [few] إرسال إلى { $count } أشخاص
    [many] إرسال إلى { $count } شخصًا
   *[other] إرسال إلى { $count } شخص
}
ws-plan-headline = { $utc }: البلدان ضمن ساعات العمل { $fine } من { $countries }
ws-plan-best-line = البلدان: { $suited } من { $of }
ws-st-confirmed = مؤكَّد
ws-st-waitlisted = قائمة الانتظار
ws-st-pending_approval = بانتظار الموافقة
ws-st-rejected = مرفوض
ws-st-cancelled = ملغى
ws-st-nominated = مرشَّح
ws-st-attended = حضر
ws-att-attended = حضر
ws-att-no_show = لم يحضر

# مساحة العمل: ما حدث وما لم ينجح
ws-login-refused = البريد الإلكتروني أو كلمة المرور غير صحيحة.
ws-login-locked = محاولات فاشلة كثيرة جدًا لهذا الحساب. انتظر 15 دقيقة ثم حاول مجددًا.
ws-choose-role = اختر دورًا: مدير أو منظِّم.
ws-unknown-region = منطقة غير معروفة: { $slug }.
ws-organiser-needs-region = يحتاج المنظِّم إلى منطقة واحدة على الأقل.
ws-unknown-country = بلد غير معروف: { $code }.
ws-focal-point-needs-country = تحتاج نقطة الاتصال الوطنية إلى بلد واحد على الأقل.
ws-focal-point-not-here = هذا الجزء من مساحة العمل للمنظمين. بصفتك نقطة اتصال وطنية تعمل في «الترشيحات»: /admin/nominations
ws-first-password-short = يجب ألا تقل كلمة المرور الأولى عن { $min } حرفًا.
ws-account-created = أُنشئ الحساب { $email }.
ws-account-exists = يوجد حساب لـ{ $email } من قبل.
ws-not-yourself = لا يمكنك تعطيل حسابك أو نزع دور المدير عن نفسك.
ws-account-saved = حُفظ الحساب { $email }.
ws-token-name-bad = امنح الرمز اسمًا لا يتجاوز 100 حرف.
ws-new-password-short = يجب ألا تقل كلمة المرور الجديدة عن { $min } حرفًا.
ws-passwords-differ = كلمة المرور الجديدة وتكرارها مختلفتان.
ws-password-changed = تم تغيير كلمة مرورك.
ws-current-password-wrong = كلمة المرور الحالية غير صحيحة.
ws-topic-added = أُضيف الموضوع { $name }.
ws-topic-renamed = أُعيدت تسمية الموضوع إلى { $name }.
ws-zones-saved = حُفظت المناطق الزمنية لـ{ $iso2 }.
ws-done-choose = اختر تسجيلًا واحدًا على الأقل.
ws-done-bulk = المنفَّذ: { $done }.
ws-done-bulk-failed = المنفَّذ: { $done }. لم يُنفَّذ: { $failed }
ws-done-marked = المسجَّل: { $count } (لا يُسجَّل الحضور إلا للتسجيلات المؤكَّدة).
ws-done-write = اكتب موضوعًا ورسالة.
ws-done-nobody = لا أحد للمراسلة بهذا الاختيار.
ws-done-queued = وُضعت الرسالة في قائمة الإرسال لعدد من الأشخاص: { $count }.
ws-done-series = أُنشئت سلسلة من الجلسات، عددها: { $count }.
ws-done-series-warnings = أُنشئت سلسلة من الجلسات، عددها: { $count }. { $warnings }
ws-done-future = عدد الجلسات المقبلة التي تغيّرت في السلسلة: { $count }.
ws-topic-needs = يحتاج الموضوع إلى معرّف (حروف لاتينية صغيرة وأرقام وشرطات) واسم.
ws-topic-name-bad = اسم الموضوع من 1 إلى 100 حرف.
ws-zone-bad = { $name } { $problem }.
ws-zones-none = يحتاج البلد إلى منطقة زمنية واحدة على الأقل.

# الوصول إلى العنوان كله (روابط تُرسل إلى العنوان)
notice-registration-feed-renewed = لموجز تقويم هذا التسجيل عنوان جديد؛ لم يعد العنوان القديم يعمل. حدّث اشتراك تقويمك.
notice-address-link-sent = أرسلنا إلى { $email } رابطًا إلى كل التسجيلات التي تمت به وإلى بياناته. يعمل الرابط لمدة ساعة.
access-link-expired = انتهت صلاحية هذا الرابط أو أنه غير صالح. تعمل روابط كل تسجيلاتك لمدة ساعة؛ اطلب رابطًا جديدًا أدناه.
erase-explain-one = يمحو هذا اسمك ومؤسستك ومنصبك وإجاباتك من تسجيلك في «{ $title }»، ويلغيه إن كان ما زال قائمًا (يذهب مقعدك إلى التالي في قائمة الانتظار)، ويحذف الرسائل المتعلقة به التي تنتظر الإرسال إليك. لا تتأثر تسجيلاتك الأخرى. لا يُحتفظ إلا ببلدك، دون اسمك، لإحصاءات الشبكة.
address-title = كل تسجيلاتك
address-intro = كل تسجيل تم بالعنوان { $email }، مع نسخة من كل ما يحتفظ به Convene عن هذا العنوان، وإمكانية محوه.
address-expires = تعمل هذه الصفحة حتى { $when }؛ بعد ذلك اطلب رابطًا جديدًا.
address-registrations = التسجيلات
address-none = لم تعد هناك تسجيلات بهذا العنوان.
address-open-registration = افتح هذا التسجيل
address-feed-intro = اشترك في موجز كل جلساتك؛ يبقى محدّثًا عندما تتغيّر مواعيد الجلسات أو تُلغى، وعندما تسجّل في جلسات أخرى:
address-keep-private = هذه الصفحة وعنوان الموجز لك وحدك: لا تشاركهما.
download-registration-data = نزّل ما نحتفظ به عن هذا التسجيل (JSON)
erase-registration = امحُ هذا التسجيل
address-link-intro = لعرض كل تسجيلاتك التي تمت بالعنوان { $email }، أو تنزيل كل ما نحتفظ به عن هذا العنوان أو محوه، سنرسل رابطًا إلى ذلك العنوان.
address-link-send = أرسل إليّ ذلك الرابط
lead-recovery-none = طلبت روابط تسجيلاتك. ليست لديك تسجيلات قائمة.
lead-recovery-address = لعرض كل تسجيلاتك، والاشتراك في كل جلساتك من تقويمك، وتنزيل نسخة من كل ما نحتفظ به عنك أو محوه، افتح هذا الرابط (يعمل لمدة { $minutes } دقيقة): { $url }
erased-one-text = لم يعد اسمك وعنوان بريدك ومؤسستك وإجاباتك موجودة في هذا التسجيل، وقد أُلغي، ولن تصلك رسائل أخرى بشأنه. تبقى تسجيلاتك الأخرى كما كانت. تبقى مواعيد التقويم التي أضفتها بنفسك في تقويمك حتى تزيلها.
cross-site-refused = أُرسلت هذه الاستمارة من موقع آخر، لذا رُفضت. افتح الصفحة في هذا الموقع وأرسلها مجددًا.
subject-nomination-withdrawn = سحب الترشيح: { $title }
lead-nomination-withdrawn = سحبت نقطة الاتصال الوطنية في بلدك ترشيحك لهذه الجلسة، وأُلغي حجز المقعد الذي كان لك. إن كنت ترى أن هذا خطأ، فيُرجى مراسلتها.
lead-nomination-replaced = رشّحت نقطة الاتصال الوطنية في بلدك شخصًا آخر مكانك لهذه الجلسة، لذا انتهى ترشيحك. إن كنت ترى أن هذا خطأ، فيُرجى مراسلتها.
subject-focal-lapsed = انقضاء الترشيح: { $name } في { $title }
lead-focal-lapsed = لم يردّ { $name } ({ $organisation }، { $country }) على الترشيح لـ{ $title }، { $when }، في الوقت المحدد، لذا انقضى وأُلغي حجز المقعد.
lead-focal-lapsed-how = يمكنك ترشيح شخص آخر من صفحة الجلسة في مساحة عملك: { $workspace }
not-a-nomination = سجّل هذا الشخص بنفسه: لا يمكن سحب أو استبدال إلا الترشيح.
nomination-not-standing = لا يمكن سحب أو استبدال إلا ترشيح ما زال قائمًا؛ حالة هذا الترشيح: { $status }.
replacement-same-country = يأخذ البديل مقعدًا من حصة البلد نفسه: { $country }.
replacement-same-person = يجب أن يكون البديل شخصًا آخر: هذا عنوان المرشَّح نفسه.
fp-nominations = الترشيحات
fp-you-speak-for = أنت تمثّل:
fp-times-in = الأوقات معروضة بتوقيت { $zone }.
fp-no-sessions = لا توجد بعد جلسة قادمة مفتوحة لبلدانك.
fp-upcoming = الجلسات القادمة المفتوحة لبلدانك
fp-how = كيف تُمنح المقاعد
fp-places = المقاعد
fp-deadline = إغلاق الترشيحات (بتوقيتك)
fp-your-people = أشخاصك
fp-places-of = { $country }: المقاعد المحجوزة { $held } من { $quota }
fp-places-held = { $country }: المقاعد المحجوزة { $held } (بلا حصة)
fp-people = المرشَّحون: { $nominated } · القابلون: { $accepted } · بانتظار اعتمادك: { $endorse }
fp-all-sessions = كل الجلسات المفتوحة لبلدانك
fp-deadline-line = تُغلق الترشيحات في { $date } (بتوقيتك). ينقضي حينها الترشيح الذي لم يُرَدّ عليه، ويُلغى حجز مقعده.
fp-no-deadline = تبقى الترشيحات مفتوحة ما دام التسجيل مفتوحًا. أمام المرشَّح أسبوع للرد؛ ثم ينقضي الترشيح الذي لم يُرَدّ عليه ويُلغى حجز مقعده.
fp-places-per-country = المقاعد لكل بلد
fp-quota = الحصة
fp-held = المقاعد المحجوزة
fp-awaiting = بانتظار الرد
fp-accepted = قبلوا
fp-declined = رفضوا أو انقضى ترشيحهم
fp-registered = سجّلوا بأنفسهم
fp-nominated = المرشَّحون
fp-nobody-yet = لم يُرشَّح أحد من بلدانك ولم يسجّل أحد منها بعد.
fp-role = الدور
fp-actions = الإجراءات
fp-endorse = اعتماد
fp-endorse-person = اعتمد { $name }
fp-decline = رفض
fp-decline-person = ارفض اعتماد { $name }
fp-replace = استبدال
fp-replace-person = استبدل { $name } بشخص آخر
fp-withdraw = سحب…
fp-withdraw-what = سيُبلَّغ { $name } بالبريد الإلكتروني بسحب الترشيح، ويذهب أي مقعد محجوز له إلى التالي في الدور. لا يمكن التراجع عن ذلك.
fp-withdraw-confirm = اسحب ترشيح { $name }
fp-nominate = رشّح شخصًا
fp-nominate-what = يُحجز له مقعد فورًا، ويتلقى رسالة لقبول الترشيح (بإعطاء موافقته) أو رفضه.
fp-nominate-button = رشّحه وأرسل إليه رسالة
fp-their-language = لغة رسائله
fp-note = ملاحظة للمنظمين
fp-sheet = رشّح عدة أشخاص من جدول بيانات
fp-sheet-hint = انسخ الصفوف من جدول بياناتك والصقها هنا. الأعمدة: name، email، organisation، position، country، role، note، بهذا الترتيب، أو بأي ترتيب تحت صف عناوين يسمّيها؛ تفصل بينها علامات الجدولة أو الفواصل المنقوطة أو الفواصل. يُفحص كل صف ويُعرض قبل ترشيح أي شخص.
fp-sheet-label = الصفوف المراد ترشيحها
fp-sheet-preview = افحص الصفوف
fp-sheet-ready = الصفوف الجاهزة للترشيح: { $ready } من { $total }
fp-sheet-done = الصفوف المرشَّحة: { $done } من { $total }
fp-sheet-confirm = { $count ->
    [one] رشّح هذا الشخص وأرسل إليه رسالة
    [two] رشّح هذين الشخصين وأرسل إليهما رسالة
    [few] رشّح هؤلاء الأشخاص الـ{ $count } وأرسل إليهم رسائل
   *[other] رشّح هؤلاء الأشخاص ({ $count }) وأرسل إليهم رسائل
}
fp-line = السطر
fp-result = النتيجة
fp-row-ready = جاهز
fp-row-nominated = مرشَّح
fp-sheet-empty = لا شيء للقراءة: الصق صفًا واحدًا على الأقل.
fp-sheet-too-many = عدد الأشخاص في لصقة واحدة لا يتجاوز { $max }.
fp-sheet-unknown-column = يسمّي صف العناوين عمودًا ليس في الترشيح: «{ $column }». استخدم name وemail وorganisation وposition وcountry وrole وnote.
fp-sheet-unreadable = تعذّرت قراءة الصفوف: { $why }
fp-replace-title = استبدال { $name }
fp-replace-what = ينتقل المقعد المحجوز لـ{ $name } ({ $country }) إلى الشخص أدناه في خطوة واحدة، فلا يستطيع أحد آخر أخذه في الأثناء. يُبلَّغ { $name } بالبريد الإلكتروني، ويتلقى المرشَّح الجديد رسالة لقبول الترشيح أو رفضه.
fp-replace-button = استبدل { $name } وراسل الاثنين
fp-country-title = { $country } في { $year }
fp-years = سنوات أخرى
fp-country-none = لم يشارك أحد من هذا البلد في أي جلسة هذا العام.
fp-country-caption = الجلسات التي شارك فيها أشخاص من هذا البلد: { $count }
fp-total = المجموع
fp-only-focal-points = هذه الصفحات لنقاط الاتصال الوطنية. يرى المنظمون ترشيحات كل بلد في صفحة الجلسة نفسها.
ws-done-fp-nominated = رُشّح { $name }: حُجز مقعد وأُرسلت إليه رسالة.
ws-done-fp-withdrawn = سُحب ترشيح { $name }، وأُبلغ بذلك.
ws-done-fp-endorsed = اعتُمد { $name } وأُبلغ بذلك.
ws-done-fp-declined = رفضت اعتماد { $name }، وأُبلغ بذلك.
ws-done-fp-replaced = أصبح المقعد لـ{ $name }؛ وأُرسلت رسالة إلى الشخصين.
ws-done-fp-not-done = لم يتغيّر شيء: { $why }
ws-by-role = حسب الدور
ws-countries-nominations = البلدان والترشيحات
ws-countries-note = يحسب «المرشَّحون» كل ترشيح تم أيًّا كان مصيره؛ ويشمل «رفضوا» الترشيحات التي انقضت دون رد. تأتي البلدان التي لها أشخاص أولًا.
ws-focal-points = نقاط الاتصال
ws-message-silent = راسل نقاط الاتصال في البلدان التي لم تقدّم أحدًا (البلدان: { $countries }، الأشخاص: { $people })
ws-message-silent-send = أرسل إلى نقاط الاتصال (الأشخاص: { $people }، البلدان: { $countries })
ws-no-silent-countries = قدّم كل بلد له نقطة اتصال شخصًا واحدًا على الأقل.
ws-done-focal-message-empty = لم يُرسل شيء: اكتب موضوعًا (150 حرفًا على الأكثر) ورسالة (10,000 حرف على الأكثر).
ws-done-focal-messaged = أُرسلت إلى نقاط الاتصال (الأشخاص: { $people }، البلدان: { $countries }).
lead-focal-message-session = بشأن { $title }، { $when }. رشّح من صفحة الجلسة في مساحة عملك: { $workspace }
manage-accept-check = تحقق من بياناتك أعلاه: إن كان فيها خطأ فراسل نقطة الاتصال الوطنية قبل القبول. ثم اختر المنطقة الزمنية التي تُكتب بها أوقاتك ودعوتك، وأجب عن أسئلة المنظمين وأعطِ موافقتك.
manage-accept-zone-hint = المناطق الزمنية لبلدك، والمنطقة التي اختيرت لك عند ترشيحك.
err-held-time = عُقدت هذه الجلسة: لم يعد يمكن تغيير موعدها
err-held-cancel = عُقدت هذه الجلسة ولم يعد يمكن إلغاؤها.
ws-status-held = عُقدت
ws-upcoming-sessions = الجلسات القادمة والمسودات
ws-past-sessions = الجلسات المعقودة والماضية
ws-no-upcoming = لا توجد جلسة قادمة ولا مسودة: أنشئ واحدة بـ«جلسة جديدة».
ws-no-past = لم تنتهِ أي جلسة بعد.
ws-delete-draft-link = احذف هذه المسودة…
ws-cancel-session-link = ألغِ هذه الجلسة…
ws-confirm-back = العودة إلى { $title }
ws-confirm-cancel-title = إلغاء «{ $title }»؟
ws-confirm-delete-title = حذف المسودة «{ $title }»؟
ws-confirm-what-happens = ما الذي سيحدث
ws-confirm-cancel-emailed = { $people ->
    [one] سيتلقى شخص واحد
    [two] سيتلقى شخصان
    [few] سيتلقى { $people } أشخاص
    [many] سيتلقى { $people } شخصًا
   *[other] سيتلقى { $people } شخص
} رسالة بإلغاء الجلسة مع السبب الذي ذكرته ({ $zones ->
    [one] في منطقة زمنية واحدة
    [two] في منطقتين زمنيتين
    [few] في { $zones } مناطق زمنية
    [many] في { $zones } منطقة زمنية
   *[other] في { $zones } منطقة زمنية
}).
ws-confirm-cancel-nobody = لا أحد مسجّل، لذا لن تُرسل رسائل لأحد.
ws-confirm-cancel-calendars = تُلغى الدعوات في تقاويم الأشخاص، وتبقى الجلسة في الموجزات موسومة بأنها ملغاة.
ws-confirm-cancel-final = لا يمكن التراجع عن ذلك.
ws-confirm-reason-hint = يُذكر بكلماتك في الرسالة إلى كل المسجّلين.
ws-confirm-reason-required = اذكر سبب إلغاء الجلسة: سيُبلَّغ به كل المسجّلين.
ws-confirm-cancel-button = { $count ->
    [one] ألغِ الجلسة وراسل شخصًا واحدًا
    [two] ألغِ الجلسة وراسل شخصين
    [few] ألغِ الجلسة وراسل { $count } أشخاص
    [many] ألغِ الجلسة وراسل { $count } شخصًا
   *[other] ألغِ الجلسة وراسل { $count } شخص
}
ws-confirm-cancel-button-nobody = ألغِ الجلسة
ws-confirm-keep = أبقِ الجلسة
ws-confirm-delete-what = تُحذف المسودة بكل ما كُتب فيها؛ لم يرها أحد، لذا لن يُبلَّغ أحد.
ws-confirm-delete-button = احذف المسودة
ws-confirm-keep-draft = أبقِ المسودة
ws-confirm-already-cancelled = هذه الجلسة ملغاة من قبل.
ws-confirm-not-a-draft = هذه الجلسة منشورة: ألغِها بدلًا من ذلك حتى يُبلَّغ الأشخاص وتتحدّث التقاويم.
ws-done-cancelled = أُلغيت الجلسة. { $people ->
    [0] لم يكن أحد مسجّلًا.
    [one] تُرسل رسالة إلى شخص واحد.
    [two] تُرسل رسائل إلى شخصين.
    [few] تُرسل رسائل إلى { $people } أشخاص.
    [many] تُرسل رسائل إلى { $people } شخصًا.
   *[other] تُرسل رسائل إلى { $people } شخص.
}
ws-done-deleted = حُذفت المسودة «{ $title }».
ws-done-published = نُشرت الجلسة: هي في الصفحة العامة /sessions/{ $id } وفي الموجزات.
ws-done-created = حُفظت المسودة. لن يراها أحد حتى تنشرها.
ws-done-created-published = أُنشئت الجلسة ونُشرت.
ws-done-saved = حُفظت تغييراتك.
ws-done-saved-told = حُفظت تغييراتك، وتُرسل دعوة محدّثة إلى المسجّلين (العدد: { $people }).
lead-session-moved = تغيّر الموعد. كان { $was }؛ وأصبح { $now }.
ws-move-was-now = كان { $was }؛ وسيصبح { $now }.
ws-move-suits-all = يقع الموعد الجديد ضمن ساعات العمل في يوم عمل لبلد كل مسجّل.
ws-move-flagged = لا يناسب الموعد الجديد بعض بلدان المسجّلين (حسب منطقتها الزمنية الرئيسية):
ws-move-outside-hours = { $country }: { $slot } (خارج ساعات العمل)
ws-move-weekend = { $country }: { $slot } (عطلة نهاية الأسبوع)
attendance-not-confirmed = لا يُسجَّل الحضور إلا للتسجيلات المؤكَّدة؛ حالة هذا التسجيل: { $status }.
err-period-order = يجب أن يكون في اليوم الأول من الفترة أو بعده
err-period-long = لا يغطي التقرير أكثر من عشر سنوات
err-date = يجب أن يكون تاريخًا: YYYY-MM-DD
ws-reports = التقارير
rp-period = الفترة
rp-from = من
rp-to = إلى (ضمنًا)
rp-show = اعرض
rp-showing-this-year = نعرض هذا العام بدلًا من ذلك.
rp-what-counts = الجلسات المنشورة (المعقودة أو القادمة) التي تبدأ من { $from } إلى { $to } (بتواريخ UTC)، وتسجيلاتها القائمة: المؤكَّدة وفي الانتظار وبانتظار الموافقة أو الترشيح أو الاعتماد. لا تُحسب المسودات ولا الجلسات الملغاة.
rp-totals = المجاميع
rp-sessions = الجلسات
rp-registrations = التسجيلات
rp-rate = نسبة الحضور
rp-unique = الأشخاص (واحد لكل عنوان بريد)
rp-returning = الأشخاص الذين عادوا (أكثر من جلسة)
rp-by-month = حسب الشهر
rp-by-region = حسب المنطقة
rp-by-country = حسب البلد
rp-by-topic = حسب الموضوع
rp-chart-title = التسجيلات في كل شهر
rp-nothing = لا شيء في هذه الفترة.
rp-col-months = الشهر
rp-col-regions = المنطقة
rp-col-countries = البلد
rp-col-topics = الموضوع
rp-api = الأرقام نفسها بصيغة JSON: GET /api/v1/reports/participation?from=…&to=… برمز API.
rp-all-sessions = كل الجلسات
rp-col-section = الجزء
rp-col-name = الاسم
rp-col-people = الأشخاص
rp-export-csv = تنزيل بصيغة CSV
rp-export-xlsx = تنزيل بصيغة Excel ‏(XLSX)
rp-export-note = في الملفات المنزّلة، يظهر كل رقم لأقل من 5 أشخاص على شكل «< 5»، حتى لا يمكن تمييز أي شخص.
series-none-open = لا يقبل أي موعد من هذه السلسلة تسجيلات الآن.
subject-series-registered = التسجيل في { $count ->
        [one] موعد واحد
        [two] موعدين
        [few] { $count } مواعيد
       *[other] { $count } موعدًا
    }: { $title }
lead-series-registered = أنت مسجَّل في { $count ->
        [one] موعد واحد
        [two] موعدين
        [few] { $count } مواعيد
       *[other] { $count } موعدًا
    } من هذه السلسلة. كل موعد بتوقيتك، مع حالة مكانك وصفحة إدارته:
lead-series-invite = تضيف دعوة التقويم المرفقة السلسلةَ إلى تقويمك حدثًا متكررًا واحدًا، بالمواعيد التي تأكّد فيها مكانك فقط، وتحدّثها إن تغيّر موعد.
lead-series-no-invite = ستصلك دعوة التقويم حين يتأكّد لك مكان.
email-series-page = السلسلة
series-shifted = في { $start } بتوقيتك بدلًا من { $usual }: أحد الطرفين يغيّر ساعاته
series-summary = { $repeat }، { $count ->
    [one] موعد واحد
    [two] موعدان
    [few] { $count } مواعيد
    [many] { $count } موعدًا
   *[other] { $count } موعد
}
series-keeps = دائمًا { $time }
series-dates-in = المواعيد بتوقيتك ({ $zone })
series-register-how = يحجز تسجيل واحد مقعدًا في كل موعد قادم: رسالة واحدة تذكرها كلها، ودعوة تقويم واحدة تضم السلسلة، ويبقى لكل موعد رابطه لإلغائه وحده.
series-register = سجّل في كل المواعيد
series-calendar = في تقويمك
series-feed = اشترك في موجز تقويم السلسلة
repeat-weekly = أسبوعيًا
repeat-fortnightly = كل أسبوعين
repeat-monthly = شهريًا
register-whole-series = { $count ->
    [one] سجّل في هذا الموعد فقط
    [two] سجّل في الموعدين القادمين من هذه السلسلة
    [few] سجّل في المواعيد الـ{ $count } القادمة من هذه السلسلة
   *[other] سجّل في كل المواعيد القادمة من هذه السلسلة ({ $count })
}
notice-series-dates = { $count ->
    [one] أنت مسجّل في موعد واحد من هذه السلسلة
    [two] أنت مسجّل في موعدين من هذه السلسلة
    [few] أنت مسجّل في { $count } مواعيد من هذه السلسلة
    [many] أنت مسجّل في { $count } موعدًا من هذه السلسلة
   *[other] أنت مسجّل في { $count } موعد من هذه السلسلة
}: رسالة واحدة تذكرها كلها، مع دعوة تقويم واحدة للسلسلة.
series-next = الموعد القادم
series-part-of = السلسلة
series-all-dates = كل مواعيد هذه السلسلة، والتسجيل فيها كلها

# موجزات التقويم المشتركة: أسماؤها (تعرضها تطبيقات التقويم)
feed-all-name = Convene: كل الجلسات
feed-all-description = كل جلسات شبكة مراكز التميّز التابعة للاتحاد الأوروبي
feed-all-description-custom = كل الجلسات: { $network }
feed-all-label = كل الجلسات
feed-name = Convene: { $name }
feed-open-to = الجلسات المفتوحة للمشاركين من { $name }
feed-topic = جلسات حول { $name }
feed-series = كل جلسات السلسلة { $title }

# تغيير الساعات في سلسلة (إشعار مساحة العمل)
series-shift-back = اعتبارًا من { $from }، تعود الساعات في { $zone } إلى فرق التوقيت الخاص بالموعد الأول.
series-shift-earlier = اعتبارًا من { $from }، تغيّر { $zone } ساعاتها: تبقى الجلسة هناك في { $local } لكنها تبدأ قبل ذلك { $minutes ->
    [30] بنصف ساعة
    [60] بساعة
   *[other] بـ{ $minutes } دقيقة
} في المناطق التي لا تعتمد التوقيت الصيفي مثل جنوب شرق آسيا كله ({ $there } في { $city } بدلًا من { $usual }).
series-shift-later = اعتبارًا من { $from }، تغيّر { $zone } ساعاتها: تبقى الجلسة هناك في { $local } لكنها تبدأ بعد ذلك { $minutes ->
    [30] بنصف ساعة
    [60] بساعة
   *[other] بـ{ $minutes } دقيقة
} في المناطق التي لا تعتمد التوقيت الصيفي مثل جنوب شرق آسيا كله ({ $there } في { $city } بدلًا من { $usual }).

# حقول الجلسة: أخطاء مشتركة بين استمارة مساحة العمل وواجهة API
err-status-write = يجب أن تكون draft أو published؛ ألغِ الجلسة بإجراء الإلغاء الخاص بها
err-language-tag = يجب أن يكون رمز لغة مثل en أو fr أو ar أو ru
err-join-url = يجب أن يكون عنوان http أو https
err-ends-after = يجب أن يكون بعد البداية (starts_at)
err-ends-within = يجب أن يكون خلال 31 يومًا من البداية (starts_at)
err-closes-after = يجب أن يكون بعد فتح التسجيل (registration_opens_at)
err-one-of = يجب أن يكون إحدى القيم: { $choices }
err-quotas-map = يجب أن يربط رموز ISO الثنائية بعدد مقاعد من 0 إلى { $max }
err-quotas-many = يجب ألا يسمّي أكثر من 300 بلد
err-time-or-instant = { $why }، أو لحظة بصيغة RFC 3339
err-capacity-taken = يجب ألا يقل عن { $taken }، وهي المقاعد المحجوزة فعلًا
err-repeat = يجب أن يكون weekly أو fortnightly أو monthly
err-count-range = يجب أن يكون عددًا صحيحًا من 2 إلى { $max }
err-until = يجب أن يكون تاريخًا مثل 2027-06-30
err-count-or-until = حدّد عددًا أو تاريخ نهاية (until)
err-capacity-number = يجب أن يكون عددًا صحيحًا، أو فارغًا لسعة بلا حد
err-quota-number = يجب أن يكون عددًا صحيحًا، أو فارغًا لعدم وجود حصة
err-quotas-form = يجب أن يكون بالشكل PH=12، KE=4
err-plan-date = يجب أن يكون تاريخًا مثل 2027-03-09
err-plan-time = يجب أن يكون وقتًا مثل 09:00
err-plan-minutes = يجب أن تكون مدة من 15 إلى 720 دقيقة
ws-done-choose-action = اختر إجراءً.

# تصدير CSV: أسماء الأعمدة
csv-id = المعرّف
csv-status = الحالة
csv-waitlist_position = الرقم في قائمة الانتظار
csv-name = الاسم
csv-email = البريد الإلكتروني
csv-organisation = المؤسسة
csv-position = المنصب
csv-country = البلد
csv-country_name = اسم البلد
csv-time_zone = المنطقة الزمنية
csv-registered_at_utc = تاريخ التسجيل (UTC)
csv-answers = الإجابات
csv-role = الدور
csv-note = ملاحظة
csv-nominated_by = رشّحه
csv-attendance = الحضور
csv-minutes_present = دقائق الحضور

# لماذا لم يُنفَّذ إجراء المنظِّم
only-pending-approved = لا يمكن الموافقة إلا على التسجيلات المعلّقة؛ حالة هذا التسجيل: { $status }.
only-waiting-promoted = لا يمكن النقل إلا لمن هو في قائمة الانتظار.
no-seat-free = لا يوجد مقعد شاغر: ارفع السعة أولًا.
not-your-region = تنظّم هذه الجلسةَ منطقةٌ لا يشملها حسابك.
err-cancelled-unchangeable = هذه الجلسة ملغاة ولم يعد يمكن تغييرها
only-empty-draft-deleted = لا يمكن حذف إلا مسودة لم يسجّل فيها أحد؛ ألغِها بدلًا من ذلك.

# شهادات الحضور
subject-certificate = شهادة حضور: { $title }
lead-certificate = شكرًا لمشاركتك. شهادة حضورك مرفقة بهذه الرسالة (PDF)، ويمكنك أيضًا تنزيلها من صفحة تسجيلك.
lead-certificate-verify = يستطيع كل من تعرضها عليه التحقق منها بالرمز والعنوان المطبوعين عليها.
cert-not-held = تُمنح الشهادات لجلسة عُقدت: هذه الجلسة لم تنتهِ بعد، أو هي مسودة أو ملغاة.
cert-network = مراكز التميّز التابعة للاتحاد الأوروبي للحدّ من المخاطر الكيميائية والبيولوجية والإشعاعية والنووية
cert-heading = شهادة حضور
cert-certifies = نشهد بأن
cert-took-part = { $kind ->
    [webinar] حضر الندوة عبر الإنترنت
    [training] شارك في التدريب
    [meeting] شارك في الاجتماع
   *[other] شارك في التمرين
}
cert-duration = { $minutes ->
    [0] المدة: { $hours } س
   *[other] المدة: { $hours } س { $minutes } د
}
cert-organised-by = نظّمتها مراكز التميّز التابعة للاتحاد الأوروبي، { $region }
cert-organised-by-network = نظّمتها مراكز التميّز التابعة للاتحاد الأوروبي
cert-number = الشهادة رقم { $number }
cert-issued = صدرت في { $date }
cert-reissued = صدرت في { $date }، وأُعيد إصدارها في { $again }
cert-verify = للتحقق: { $url }
cert-verify-title = شهادة حضور
cert-valid = هذه الشهادة صالحة.
cert-erased = لم تعد هذه الشهادة صالحة: مُحيت بيانات صاحبها.
cert-revoked = أُلغيت هذه الشهادة في { $date } ولم تعد صالحة.
cert-unknown = لا توجد شهادة بهذا الرمز. تحقق من الرمز المطبوع تحت رمز QR.
cert-unknown-help = تتكون الرموز من ستة عشر حرفًا ورقمًا في مجموعات من أربعة، مثل K7PQ-2M9X-TR4D-8W3C.
cert-number-label = الرقم
cert-code-label = رمز التحقق
cert-holder = مُنحت إلى
cert-issued-label = تاريخ الإصدار
cert-reissued-on = أُعيد إصدارها في { $date }
cert-revoked-on = أُلغيت في { $date }
cert-yours = شهادة حضورك
cert-download = نزّل شهادتك (PDF)
ws-certificates = شهادات الحضور
ws-certificates-how = يتلقى كل مسجّل مؤكَّد سُجّل حضوره شهادة بالبريد الإلكتروني، إذا حضر على الأقل النسبة المحددة أدناه من الجلسة عندما تكون دقائق حضوره معروفة (من تقرير الاجتماع). يضيف الإصدار مجددًا من استحقها منذ ذلك الحين، ويعيد إصدار الشهادات التي صُحّح اسم صاحبها أو مؤسسته، بالرقم نفسه.
ws-cert-percent = الحد الأدنى للحضور (% من الجلسة)
ws-cert-issue = أصدر الشهادات وأرسلها
ws-cert-none = لم تصدر بعد أي شهادة لهذه الجلسة.
ws-cert-revoke = إلغاء
ws-cert-revoke-of = ألغِ الشهادة { $number }
ws-done-certificates = الشهادات: صدرت { $issued }، وأُعيد إصدار { $reissued }، ولم تتغير { $unchanged }؛ ولا يستحقها من المسجّلين { $missing }.
ws-done-cert-percent = حدّد الحد الأدنى للحضور بعدد صحيح من 1 إلى 100.
ws-done-cert-revoked = أُلغيت الشهادة { $number }، وتذكر صفحة التحقق منها ذلك.

# الحضور من تقرير الاجتماع
ws-report-title = الحضور من تقرير الاجتماع
ws-report-how = صدّر تقرير المشاركين من Zoom أو Teams أو Webex (CSV: الاسم، البريد الإلكتروني، وقتا الدخول والخروج أو المدة) والصقه أدناه أو اختر الملف. يُسجَّل حضور المسجّلين المؤكَّدين الذين يرد بريدهم فيه مع دقائق حضورهم (مجموع كل مرات دخولهم، بحد أقصى مدة الجلسة)؛ ويُعرض من لا يطابق أحدًا.
ws-report-file = ملف التقرير (CSV)
ws-report-text = التقرير (الصق ملف CSV هنا)
ws-report-import = استورد الحضور
ws-done-report = سُجّل حضور { $matched } من التقرير. { $unmatched ->
    [0] طابق كل من فيه تسجيلًا.
   *[other] لا يطابق { $unmatched } ممن في التقرير أي تسجيل مؤكَّد: { $who }
}
ws-done-report-empty = لا يذكر التقرير أحدًا له عنوان بريد إلكتروني.
ws-done-report-no-email = لا يسمّي أي سطر من هذا النص عمودًا للبريد الإلكتروني: هل هو تقرير المشاركين؟
ws-done-report-no-duration = ليس في التقرير مدة ولا وقتا دخول وخروج.

# تسجيل الوصول عند الباب
email-check-in = رمز تسجيل وصولك عند الباب
email-check-in-qr = رمز QR لرمز تسجيل وصولك
check-in-title = تسجيل الوصول: { $title }
check-in-tally = سُجّل وصول { $done } من { $of } من المسجّلين المؤكَّدين
check-in-code = رمز تسجيل الوصول
check-in-hint = اكتب الرمز الوارد في رسالة الشخص أو صفحة تسجيله (حروف وأرقام، والشرطات اختيارية)، أو امسح رمز QR الخاص به.
check-in-button = سجّل الوصول
check-in-scan = امسح بالكاميرا
check-in-done = سُجّل وصول { $name }.
check-in-already = سُجّل وصول { $name } من قبل في { $time }.
check-in-unknown = لا يوجد تسجيل في هذه الجلسة بهذا الرمز.
check-in-not-confirmed = ليس لـ{ $name } مقعد مؤكَّد (الحالة: { $status }).
check-in-open = تسجيل الوصول عند الباب (صفحة للهاتف)

# Answers to the session's questions
answer-yes = نعم
answer-no = لا
ws-columns = الإجابات المعروضة

# الجلسات المختلطة والحضورية
venue = المكان
venue-map = الخريطة
interpretation = الترجمة الفورية إلى
seats-room = المقاعد في القاعة
field-attendance = طريقة مشاركتك
field-interpretation = الترجمة الفورية التي تحتاج إليها
attendance-in_person = في القاعة
attendance-online = عبر الإنترنت
attendance-meanwhile = إذا اكتملت القاعة، امنحني مقعدًا عبر الإنترنت ريثما يتوفر مقعد في القاعة
interpretation-none = لا شيء
err-attendance-in-person-only = هذه الجلسة حضورية فقط
err-attendance-online-only = هذه الجلسة عبر الإنترنت فقط
ws-f-venue = المكان (للجلسات الحضورية والمختلطة)
ws-f-venue-name = اسم المكان
ws-f-venue-address = العنوان
ws-f-venue-city = المدينة
ws-f-in-person-capacity = المقاعد في القاعة (للجلسات المختلطة؛ تصبح السعة أعلاه للمقاعد عبر الإنترنت)
ws-f-interpretation = الترجمة الفورية إلى (رموز لغات، مثل fr وar وru)
ws-by-attendance = في القاعة وعبر الإنترنت
ws-by-interpretation = الترجمة الفورية المطلوبة
csv-attendance_mode = طريقة المشاركة
csv-interpretation = الترجمة الفورية

## الجنس، لا يُسأل عنه إلا إذا فعّلته الشبكة (تقارير الاتحاد الأوروبي حسب الجنس)
field-gender = الجنس
gender-why = يُسأل عنه لتقارير الاتحاد الأوروبي عن المشاركة حسب الجنس؛ لا يخرج من Convene إلا المجاميع، ولست ملزمًا بالإجابة.
gender-why-more = لماذا نسأل
gender-female = أنثى
gender-male = ذكر
gender-another = جنس آخر
gender-prefer-not-to-say = أفضّل عدم الإفصاح
gender-not-stated = غير مذكور
err-gender-not-asked = لا تسأل عنه هذه الشبكة
privacy-gender-title = الجنس
privacy-gender = حين تطلب الشبكة ذلك، يتضمن نموذج التسجيل سؤالًا اختياريًا عن جنسك. لا تُستعمل الإجابة إلا لإحصاء المشاركة حسب الجنس، كما يطلب الاتحاد الأوروبي من البرامج التي يموّلها: يرى المنظمون المجاميع فقط، ولا يرون أبدًا من أجاب بماذا، ولا يخرج من Convene إلا المجاميع (في التقارير، حيث لا تظهر المجموعات التي تقل عن 5 أشخاص). لست ملزمًا بالإجابة؛ ومحو تسجيلك يمحوها أيضًا.
rp-by-gender = حسب الجنس
rp-col-genders = الجنس
rp-gender-note = يصرّح به كل شخص في نموذج التسجيل؛ ويُحسب من لم يذكره تحت «غير مذكور».
ws-network-settings = إعدادات الشبكة
ws-logo = شعار الشبكة
ws-logo-current = الشعار المعروض الآن
ws-logo-file = شعار جديد
ws-logo-hint = PNG أو JPEG أو WebP، بحد أقصى 200 كيلوبايت؛ يُعرض بارتفاع 32 بكسل بجانب اسم الشبكة.
ws-logo-save = استخدم هذا الشعار
ws-logo-remove = إزالة الشعار
ws-logo-saved = يظهر الشعار الجديد في كل صفحة.
ws-logo-removed = أُزيل الشعار: تعرض الصفحات الاسم وحده.
ws-logo-invalid = يجب أن يكون الشعار صورة PNG أو JPEG أو WebP لا تتجاوز 200 كيلوبايت.
ws-network-name = اسم الشبكة
ws-network-name-hint = يظهر بجانب Convene في ترويسة كل صفحة.
ws-funded-by = سطر «بتمويل من»
ws-funded-by-hint = يظهر في تذييل كل صفحة، مثل «بتمويل من الاتحاد الأوروبي»؛ فارغًا لا يظهر شيء.
ws-identity-invalid = يجب أن يتكوّن اسم الشبكة من 1 إلى 120 حرفًا وسطر «بتمويل من» من 200 حرف على الأكثر، في سطر واحد.
ws-ask-gender = تسأل نماذج التسجيل عن الجنس (اختياري للمشاركين)
ws-ask-gender-hint = لتقارير الاتحاد الأوروبي عن المشاركة حسب الجنس. يمكن للمشاركين دائمًا ترك السؤال دون إجابة؛ ولا يرى المنظمون إلا المجاميع، في التقارير.
ws-save-settings = حفظ الإعدادات
ws-ask-gender-on = صارت نماذج التسجيل تسأل عن الجنس.
ws-ask-gender-off = لم تعد نماذج التسجيل تسأل عن الجنس؛ وتبقى الإجابات السابقة في مجاميع التقارير.
rp-filter-region = المشاركون من المنطقة
rp-filter-country = المشاركون من البلد
rp-filter-topic = الموضوع
rp-filter-kind = النوع
rp-filter-format = الشكل
rp-filter-all = الكل
rp-filtered = مقيّد بعوامل التصفية أعلاه: تُحسب للمنطقة أو البلد مشاركوه هو، في الجلسات المفتوحة لهم.

## المواد والتسجيلات
ws-materials = المواد والتسجيلات
ws-materials-how = شارك رابطًا (تسجيلًا، أو شرائح على مساحة مشتركة) أو ملفًا (PDF، PowerPoint، Word، Excel، ZIP). «للمسجلين فقط» تعني من تأكد مقعدهم، من صفحة تسجيلهم؛ وتظهر المواد العامة أيضًا في صفحة الجلسة.
ws-materials-none = لم يُشارك شيء بعد.
ws-material-title = العنوان
ws-material-who = من يمكنه فتحها
ws-material-what = ما هي
ws-actions = الإجراءات
ws-material-remove = إزالة
ws-material-remove-of = إزالة «{ $title }»
ws-material-add-link = إضافة رابط
ws-material-url = العنوان (https://…)
ws-material-upload = رفع ملف
ws-material-file = الملف
ws-material-file-hint = { $size } على الأكثر. يُنزَّل دائمًا ولا يُفتح أبدًا في المتصفح.
ws-material-tell = إبلاغ من تأكد مقعدهم بالبريد الإلكتروني بأنها متاحة
material-audience-public = الجميع
material-audience-registrants = للمسجلين فقط
materials-title = المواد
material-link = رابط
ws-done-material = شُورك «{ $title }».
ws-done-material-told = شُورك «{ $title }»، ويجري إبلاغ من تأكد مقعدهم بالبريد الإلكتروني.
ws-done-material-removed = أُزيل «{ $title }».
err-material-url = يجب أن يكون عنوان ويب يبدأ بـ https:// أو http://
err-material-file = اختر ملفًا لرفعه
material-cancelled = هذه الجلسة ملغاة: لا يمكن مشاركة المزيد لها.
subject-material = مواد متاحة: { $title }
lead-material = شارك المنظمون «{ $material }».
lead-material-where = افتحها من صفحة تسجيلك (الرابط أدناه).

## الآراء بعد الجلسة
fb-q-overall = إجمالًا، كيف تقيّم هذه الجلسة؟ (1 = ضعيفة، 5 = ممتازة)
fb-q-useful = ما مدى فائدتها لعملك؟ (1 = لا فائدة، 5 = مفيدة جدًا)
fb-q-improve = ما الذي ينبغي أن نحسّنه؟
fb-err-no-questions = يحتاج نموذج الآراء إلى سؤال واحد على الأقل
fb-err-hours = يجب أن يكون عدد ساعات من 0 إلى 720
fb-already = سبق تقديم هذا الرأي: يجيب كل شخص مرة واحدة.
fb-anonymity-fixed = أجاب أشخاص وفق ما قاله النموذج عن أسمائهم: لا يمكن الآن تغيير سرية الإجابات.
fb-already-sent = أُرسل النموذج بالفعل؛ يمكن تعديله لا إزالته.
subject-feedback = رأيك: { $title }
subject-feedback-reminder = تذكير — رأيك: { $title }
lead-feedback = شكرًا لمشاركتك في «{ $title }». بضعة أسئلة تستغرق دقيقتين وتساعد المنظمين على التخطيط للجلسات القادمة.
lead-feedback-once = يمكنك الإجابة مرة واحدة، ما لم يغلق المنظمون النموذج.
email-feedback-action = أبدِ رأيك
fb-title = رأيك: { $title }
fb-thanks = شكرًا: سُجّل رأيك. يجيب كل شخص مرة واحدة.
fb-anonymous = تُحفظ إجاباتك بمعزل عن اسمك: يرى المنظمون أنك أجبت، ولا يرون أبدًا ما قلته.
fb-named = سيرى المنظمون اسمك مع إجاباتك.
fb-send = أرسل رأيي
fb-once = يمكنك الإجابة مرة واحدة.
ws-feedback = الآراء
ws-feedback-status = طُلب منهم: { $asked } · أجابوا: { $answered }.
ws-feedback-results = عرض النتائج
ws-feedback-none = لا يوجد نموذج آراء بعد. احفظ الأسئلة أدناه (الأسئلة الثلاثة المعتادة للبدء) فتُرسل إلى الحاضرين — أو، إن لم يُسجَّل الحضور، إلى كل من تأكد مقعده — بعد الجلسة، مع تذكير واحد بعد 3 أيام.
ws-feedback-questions = الأسئلة
fb-col-label = السؤال
fb-col-kind = النوع
fb-col-choices = الخيارات (مفصولة بفواصل)
fb-col-required = إلزامي
fb-col-remove = إزالة
fb-label-n = السؤال { $n }
fb-kind-n = نوع السؤال { $n }
fb-choices-n = خيارات السؤال { $n }
fb-required-n = السؤال { $n } إلزامي
fb-remove-n = إزالة السؤال { $n }
fb-builder-how = اترك السطر فارغًا كي لا تضيف شيئًا. السؤال ذو الخيار الواحد الذي خياراته أعداد صحيحة (1، 2، 3، 4، 5) تقييم: يُعرض متوسطه.
fb-anonymous-option = حفظ الإجابات بمعزل عن أسماء أصحابها (يذكر النموذج ذلك)
fb-hours = الإرسال بعد انتهاء الجلسة بهذا العدد من الساعات
fb-save = حفظ نموذج الآراء
fb-create = طلب الآراء بعد الجلسة
fb-remove-form = إزالة نموذج الآراء
fb-kind-short_text = نص قصير
fb-kind-long_text = نص طويل
fb-kind-single_choice = خيار واحد
fb-kind-multiple_choice = عدة خيارات
fb-kind-checkbox = مربع اختيار
ws-done-feedback = حُفظ نموذج الآراء.
ws-done-feedback-removed = أُزيل نموذج الآراء.
fb-results-title = الآراء: { $title }
fb-back = العودة إلى «{ $title }»
fb-results-anonymous = الإجابات سرية: تُحصى وتُعرض بمعزل عن أصحابها.
fb-results-named = الإجابات غير سرية: يذكر الملف المنزَّل صاحب كل إجابة.
fb-csv = تنزيل الإجابات (CSV)
fb-answered-n = { $count ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $count } إجابات
    [many] { $count } إجابة
   *[other] { $count } إجابة
}
fb-average = المتوسط { $average }
fb-chart-title = الإجابات عن «{ $question }»
fb-col-answer = الإجابة
fb-col-count = الأشخاص
fb-who = من أجاب
fb-who-hidden = تُعرض الأسماء ابتداءً من { $n } إجابات، كي لا تُنسب أي إجابة إلى صاحبها.
fb-none-yet = لم يُجب أحد بعد.
rp-map-title = خريطة التسجيلات حسب البلد الشريك
rp-map-country = { $country }: { $registrations } تسجيلات، { $attended } حضروا
rp-map-legend = التسجيلات:
rp-map-credit = حدود الخريطة: ‎@svg-maps/world‎ لفيكتور كازاناف، CC BY 4.0، مبسّطة. يعرض الجدول المجاور كل الأرقام.
fb-too-late = انتهت هذه الجلسة منذ أكثر من { $days } يومًا: لا يُرسل نموذج آراء يُحفظ الآن.
fb-col-position = الترتيب
fb-position-n = ترتيب السؤال { $n }
ws-placeholders = في الموضوع والرسالة، تُملأ هذه لكل شخص:
ws-preview-text = الجزء النصي العادي
ws-sent-title = الرسائل المرسلة
ws-sent-none = لم تُرسل بعد أي رسالة إلى المسجلين في هذه الجلسة.
ws-sent-people = { $count ->
    [zero] لا أحد
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}
ws-sent-to-confirmed = المؤكدون
ws-sent-to-waitlisted = قائمة الانتظار
ws-sent-to-pending_approval = بانتظار الموافقة
err-placeholder = ‏{ $placeholder } لا يُملأ؛ ما يُملأ هو: { $known }
add-to-my-calendar = أضف إلى تقويمي
