# رسائل بوابة الشركاء باللغة العربية. أي رسالة غير موجودة هنا تُعرض بالإنجليزية.

language-name = العربية

## إطار الصفحات
page-title = { $title } · بوابة إدارة الشركاء
skip-to-content = الانتقال إلى المحتوى
brand = إدارة الشركاء
session-ended = انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى.
footer = إدارة شركاء MOSIP · { $version }
picker-language = اللغة
picker-time-zone = المنطقة الزمنية
picker-time-zone-auto = حسب متصفحي
picker-apply = تطبيق

## التنقل
nav-breadcrumbs = أنت هنا
nav-main = القائمة الرئيسية
nav-home = الرئيسية
nav-profile = الملف الشخصي
nav-certificates = الشهادات
nav-policies = السياسات
nav-api-keys = مفاتيح API
nav-oidc-clients = عملاء OIDC
nav-extractors = المستخلِصات
nav-licence = الترخيص
nav-sbis = واجهات SBI
nav-devices = الأجهزة
nav-ftm-chips = شرائح FTM
nav-partners = الشركاء
nav-policy-requests = طلبات السياسات
nav-ca-certificates = شهادات سلطات التصديق
nav-misps = مزودو MISP
nav-device-approvals = اعتماد الأجهزة
nav-policy-groups = مجموعات السياسات
nav-audit = التدقيق
nav-notifications = الإشعارات
nav-unseen = { $count } غير مقروءة
nav-log-out = تسجيل الخروج
nav-log-in = تسجيل الدخول
nav-sign-up = إنشاء حساب

## التواريخ وانتهاء الصلاحية
date-time = { $day } { $month } { $year }، { $time } ({ $zone })
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
expiry-expired = منتهية الصلاحية
expiry-in-days = { $days ->
    [0] تنتهي صلاحيتها اليوم
    [one] تنتهي صلاحيتها خلال يوم واحد
    [two] تنتهي صلاحيتها خلال يومين
    [few] تنتهي صلاحيتها خلال { $days } أيام
    [many] تنتهي صلاحيتها خلال { $days } يومًا
   *[other] تنتهي صلاحيتها خلال { $days } يوم
}

## الأخطاء
error-title-forbidden = غير مسموح
error-title-not-found = غير موجود
error-title-log-in = يُرجى تسجيل الدخول
error-title-server = حدث خطأ ما
error-title-refused = تم رفض الطلب
error-back-home = العودة إلى الصفحة الرئيسية للبوابة
error-refused-list = تم رفض الطلب:
error-field = { $field }: { $problem }
problem-required = حقل مطلوب

## رموز أخطاء MOSIP بكلمات واضحة (يبقى الرمز ظاهرًا بجانبها)
error-KER-ATH-401 = يُرجى تسجيل الدخول للقيام بذلك.
error-KER-ATH-403 = حسابك غير مخوَّل للقيام بذلك.
error-PMS_COR_003 = حدث خطأ من جهتنا. يُرجى المحاولة لاحقًا.
error-PMS_COR_404 = هذه الصفحة غير موجودة.
error-PMS_POR_001 = انتهت صلاحية النموذج أو أُرسل من موقع آخر. يُرجى المحاولة مرة أخرى.
error-PMS_POR_002 = تعذرت قراءة النموذج.
error-PMS_PRT_005 = لا يوجد شريك بهذا المعرّف.
error-PMS_PRT_011 = يوجد شريك مسجَّل بعنوان البريد الإلكتروني هذا.
error-PMS_PRT_012 = عنوان البريد الإلكتروني هذا غير صالح.
error-PMS_PRT_051 = يوجد شريك بهذا المعرّف مسبقًا.
error-PMS_PRT_053 = يوجد طلب لهذه السياسة بانتظار الاعتماد.
error-PMS_PRT_066 = لا يمكن أن يحتوي معرّف الشريك على مسافات.
error-PMS_PRT_108 = ارفع شهادة الشريك الخاصة بك أولًا.
error-PMS_PRT_110 = يوجد مفتاح API بهذا الاسم مسبقًا.
error-PMS_PMP_016 = الشريك غير نشط.
error-PMS_PMP_019 = السياسة غير نشطة.
error-PMS_PM_034 = تم اعتماد هذا الطلب مسبقًا.
error-PMS_PM_035 = تم رفض هذا الطلب مسبقًا.
error-PMS_POL_008 = هذه السياسة غير موجودة.
error-PMS_POL_016 = مجموعة السياسات هذه غير موجودة.
error-PMS_POL_020 = هذه السياسة منشورة مسبقًا.
error-PMS_POL_055 = لا يمكن تعديل سياسة منشورة.
error-KER-PCM-001 = هذا الملف ليس شهادة. ارفع شهادة X.509 بصيغة PEM (Base64) تبدأ بـ -----BEGIN CERTIFICATE-----، أو حزمة PKCS#7 منها.
error-KER-KMS-013 = هذا الملف ليس شهادة. ارفع شهادة X.509 بصيغة PEM (Base64) تبدأ بـ -----BEGIN CERTIFICATE-----، أو حزمة PKCS#7 منها.
error-KER-CRY-003 = هذا الملف ليس شهادة. ارفع شهادة X.509 بصيغة PEM (Base64) تبدأ بـ -----BEGIN CERTIFICATE-----، أو حزمة PKCS#7 منها.
error-KER-PCM-003 = تم رفع هذه الشهادة مسبقًا.
error-KER-PCM-004 = الشهادة غير صالحة اليوم: تحقق من تواريخ صلاحيتها.
error-KER-PCM-005 = لم يرفع المسؤولون شهادة سلطة التصديق الجذرية لهذه الشهادة.
error-KER-PCM-006 = لم يُعثر على سلسلة الثقة للشهادة: لم تُرفع سلطة التصديق المُصدِرة لها.
error-KER-PCM-008 = المؤسسة في الشهادة لا تطابق مؤسسة الشريك.
error-KER-PCM-013 = مفتاح الشهادة قصير جدًا.
error-KER-PCM-014 = خوارزمية توقيع الشهادة غير مقبولة.
error-PMS_ONB_001 = لا يمكن لنطاق البريد الإلكتروني هذا التسجيل ذاتيًا.
error-PMS_ONB_002 = لا يمكن لهذا النوع من الشركاء التسجيل ذاتيًا.
error-PMS_ONB_003 = أُرسل رمز قبل لحظات. يمكنك طلب رمز جديد بعد { $n } ثانية.
error-PMS_ONB_004 = طُلبت رموز كثيرة لعنوان البريد الإلكتروني هذا. حاول مرة أخرى بعد { $n } دقيقة.
error-PMS_ONB_006 = الرمز غير صحيح. { $n ->
    [one] بقيت محاولة واحدة.
    [two] بقيت محاولتان.
   *[other] المحاولات المتبقية: { $n }.
}
error-PMS_ONB_010-short = كلمة المرور قصيرة جدًا: استخدم { $n } أحرف على الأقل.
error-PMS_ONB_010-long = كلمة المرور طويلة جدًا: استخدم { $n } حرفًا على الأكثر.
error-PMS_ONB_010-empty = يُرجى اختيار كلمة مرور.
error-PMS_ONB_010-control = لا يجوز أن تحتوي كلمة المرور على أحرف تحكم.
error-PMS_ONB_010-name = لا يجوز أن تحتوي كلمة المرور على اسم المستخدم أو عنوان البريد الإلكتروني.
error-PMS_ONB_010-easy = كلمة المرور سهلة التخمين. اختر كلمة أطول بأحرف أكثر تنوعًا.
error-PMS_ONB_012 = تسجيل الدخول هنا غير متاح: سجّل الدخول عبر مزوّد الهوية.
error-PMS_ONB_015 = محاولات دخول فاشلة كثيرة. حاول مرة أخرى بعد { $n } ثانية.
error-PMS_ONB_016 = طُلبت رموز كثيرة أو أُدخلت رموز خاطئة. حاول مرة أخرى بعد { $n } ثانية.
error-PMS_PRT_013 = رقم الهاتف هذا طويل جدًا: يجب أن يكون أقل من { $n } حرفًا.
error-PMS_ONB_005 = عملية التسجيل هذه غير معروفة أو انتهت. يُرجى البدء من جديد.
error-PMS_ONB_007 = انتهت صلاحية الرمز. اطلب رمزًا جديدًا.
error-PMS_ONB_008 = أُدخلت رموز خاطئة كثيرة. اطلب رمزًا جديدًا.
error-PMS_ONB_009 = اكتمل هذا التسجيل مسبقًا. يُرجى تسجيل الدخول.
error-PMS_ONB_011 = اسم المستخدم أو كلمة المرور غير صحيحة.
error-PMS_ONB_013 = يجب أن يتكون الرمز من الأرقام المرسلة إليك.

## الحالات
status-active = نشط
status-inactive = غير نشط
status-pending = قيد الانتظار
status-certificate-needed = الشهادة مطلوبة
status-approved = معتمد
status-rejected = مرفوض
status-published = منشورة
status-draft = مسودة
status-expired = منتهي الصلاحية
status-dismissed = متجاهَل

## صفحات النتائج
pager-label = الصفحات
pager-previous = → السابق
pager-next = التالي ←
pager-position = الصفحة { $page } من { $pages } · { $total } إجمالًا

## partner/dashboard.rs
home-partners-of-this-mosip-deployment = يسجّل شركاء منظومة MOSIP هذه هنا، ويرفعون شهاداتهم، ويطلبون السياسات، ويديرون مفاتيح API الخاصة بهم. يعتمد المسؤولون الشركاء وطلبات السياسات، وينشر مديرو السياسات السياسات.
home-sign-up-as-a-partner = التسجيل كشريك
home-welcome = مرحبًا بكم
home-your-partner-account-has-been = أوقف أحد المسؤولين حساب الشريك الخاص بك.
home-your-api-keys-and-licence = لم تعد مفاتيح API ومفاتيح الترخيص الخاصة بك تعمل، ولا يمكنك طلب سياسات. تواصل مع المسؤول لإعادة تفعيل الحساب.
home-what-to-do-next = الخطوات التالية
home-upload-your-certificate = ارفع شهادتك
home-your-partner-certificate-signed-by = شهادة الشريك الخاصة بك، الموقَّعة من سلطة تصديق رفعها المسؤولون، تفعّل حسابك.
home-request-a-policy = اطلب سياسة
home-ask-to-use-a-policy = اطلب استخدام سياسة من مجموعة السياسات الخاصة بك.
home-wait-for-approval = انتظر الاعتماد
home-an-administrator-reviews-your-request = يراجع أحد المسؤولين طلبك.
home-generate-an-api-key = أنشئ مفتاح API
home-create-a-key-for-an = أنشئ مفتاحًا لسياسة معتمدة.
home-get-your-licence-key = احصل على مفتاح الترخيص
home-generate-and-download-your-misp = أنشئ مفتاح ترخيص MISP الخاص بك ونزّله.
home-register-your-sbis-and-devices = سجّل واجهات SBI والأجهزة
home-add-your-secure-biometric-interfaces = أضف واجهات القياسات الحيوية الآمنة وطُرز أجهزتك وعلاماتها التجارية، واحصل على اعتمادها، ثم أضف الأجهزة إلى الواجهات.
home-register-your-ftm-chips = سجّل شرائح FTM
home-add-each-chip-and-upload = أضف كل شريحة وارفع شهادتها للاعتماد.
home-dashboard = لوحة التحكم
home-partner-id = معرّف الشريك
home-status = الحالة
home-partner-type = نوع الشريك
home-policy-group = مجموعة السياسات
home-e-mail = البريد الإلكتروني
home-to-do = لم يُنجز بعد
home-done = تم
home-search-inspect-activate-and-deactivate = البحث عن الشركاء والاطلاع عليهم وتفعيلهم وإيقافهم.
home-approve-or-reject-what-partners = اعتماد طلبات الشركاء أو رفضها.
home-activate-or-deactivate-partners-keys = تفعيل مفاتيح الشركاء أو إيقافها.
home-upload-the-cas-partner-certificates = رفع سلطات التصديق التي ترتبط بها شهادات الشركاء.
home-approve-misps-and-manage-their = اعتماد مزودي MISP وإدارة مفاتيح تراخيصهم.
home-approve-or-reject-sbis-device = اعتماد واجهات SBI وتفاصيل الأجهزة وشرائح FTM أو رفضها.
home-create-and-edit-policy-groups = إنشاء مجموعات السياسات وتعديلها.
home-draft-publish-activate-and-deactivate = صياغة السياسات ونشرها وتفعيلها وإيقافها.
home-every-action-newest-first = كل الإجراءات، الأحدث أولًا.
home-administration = الإدارة
home-waiting = { $count ->
    [one] عنصر واحد بانتظارك
    [two] عنصران بانتظارك
    [few] { $count } عناصر بانتظارك
    [many] { $count } عنصرًا بانتظارك
   *[other] { $count } عنصر بانتظارك
}
home-waiting-unknown = تعذّر عدّ ما ينتظرك.

## admin/audit.rs
audit-event-id = معرّف الحدث
audit-reference-id = المعرّف المرجعي
audit-user = المستخدم
audit-from = من ({ $zone })
audit-to = إلى ({ $zone })
audit-show-reads-too = عرض عمليات القراءة أيضًا
audit-filter = تصفية
audit-time = الوقت
audit-what-happened = ما حدث
audit-by = بواسطة
audit-to-what = على ماذا
audit-outcome = النتيجة
audit-refused = مرفوض
audit-done = تم
audit-no-audit-record-matches = لا يوجد سجل تدقيق مطابق.
audit-audit-log = سجل التدقيق

## admin/partners.rs
partners-any-type = كل الأنواع
partners-any-status = كل الحالات
partners-name-contains = الاسم يحتوي على
partners-search = بحث
partners-partner = الشريك
partners-organisation = المؤسسة
partners-type = النوع
partners-approval = الاعتماد
partners-no-partner-matches = لا يوجد شريك مطابق.
partners-phone = الهاتف
partners-address = العنوان
partners-certificate = الشهادة
partners-deactivate-partner = إيقاف الشريك…
partners-activate-partner = تفعيل الشريك
partners-deactivate = إيقاف
partners-activate = تفعيل
partners-deactivate-partner-2 = إيقاف الشريك
partners-the-partner-can-no-longer = لن يتمكن الشريك من استخدام مفاتيح API الخاصة به، وسيرى السبب عند تسجيل الدخول.

## admin/requests.rs
requests-policy = السياسة
requests-use = الاستخدام
requests-requested = تاريخ الطلب
requests-decision = القرار
requests-approve = اعتماد
requests-reject = رفض…
requests-no-requests = لا توجد طلبات.
requests-reject-2 = رفض
requests-approve-request = اعتماد الطلب
requests-reject-request = رفض الطلب
requests-all = الكل
requests-show = عرض

## admin/trust.rs
trust-uploaded-ca-and-intermediate-certificates = شهادات سلطات التصديق والشهادات الوسيطة المرفوعة
trust-none-uploaded-yet = لم تُرفع أي شهادة بعد.
trust-domain = النطاق
trust-issued-to = صادرة إلى
trust-issued-by = صادرة من
trust-valid-until = صالحة حتى
trust-uploaded = تاريخ الرفع
trust-root = جذرية
trust-intermediate = وسيطة

## auth/mod.rs
login-user-name = اسم المستخدم
login-password = كلمة المرور
login-new-partner = شريك جديد؟
login-send-your-form-again = أرسل النموذج مرة أخرى
login-you-are-logged-out = تم تسجيل خروجك.

## auth/resend.rs
signup-fill-in-the-sign-up = املأ نموذج التسجيل مرة أخرى للحصول على رمز جديد.

## auth/resume.rs
resume-what-you-typed-kept = ما كتبته (محفوظ)
resume-your-session-has-ended-log = انتهت جلستك. سجّل الدخول مرة أخرى: ما كتبته محفوظ، ويمكنك إرساله بعد تسجيل الدخول.
resume-log-in-again = تسجيل الدخول مرة أخرى
resume-you-are-logged-in-again = سجّلت الدخول مرة أخرى. أرسل النموذج الآن؛ لم يُرسل شيء بعد.
resume-send-again = إرسال مرة أخرى

## auth/signup.rs
signup-none = — لا شيء —
signup-register-your-organisation-we-e = سجّل مؤسستك. نرسل إليك رمزًا لمرة واحدة عبر البريد الإلكتروني لتأكيد العنوان، ثم تختار كلمة المرور.
signup-user-name-your-partner-id = اسم المستخدم (معرّف الشريك)
signup-letters-digits-no-spaces-you = حروف وأرقام بلا مسافات؛ تسجّل الدخول به.
signup-contact-number = رقم الاتصال
signup-send-me-the-code = أرسل لي الرمز
signup-already-registered = مسجَّل مسبقًا؟
signup-enter-the-six-digit-code = أدخل الرمز المكوّن من ستة أرقام الوارد في البريد الإلكتروني واختر كلمة المرور.
signup-registration-id = معرّف التسجيل
signup-code-from-the-e-mail = الرمز الوارد في البريد الإلكتروني
signup-at-least-10-characters-not = 10 أحرف على الأقل، ولا تكون اسم المستخدم أو البريد الإلكتروني.
signup-repeat-the-password = أعد كتابة كلمة المرور
signup-complete-sign-up = إكمال التسجيل
signup-no-code-or-it-expired = لم يصلك رمز أو انتهت صلاحيته؟
signup-send-a-new-code = أرسل رمزًا جديدًا
signup-confirm-your-e-mail = أكّد بريدك الإلكتروني
signup-does-not-repeat-the-password = لا تطابق كلمة المرور

## certs.rs
certs-your-certificate-is-uploaded = تم رفع شهادتك.
certs-validity = صالحة من { $from } إلى { $to } ({ $expiry })
certs-none-uploaded = لم تُرفع أي شهادة
certs-subject = الموضوع
certs-issuer = الجهة المُصدِرة
certs-valid-from = صالحة من
certs-your-certificate = شهادتك
certs-no-certificate-uploaded-yet = لم تُرفع أي شهادة بعد.
certs-upload-a-certificate = رفع شهادة
certs-a-pem-base64-x-509 = شهادة X.509 بصيغة PEM (Base64) لمؤسستك، صادرة من سلطة تصديق رفعها المسؤولون.
certs-certificate-file = ملف الشهادة
certs-upload = رفع
certs-upload-a-ca-or-sub = رفع شهادة سلطة تصديق أو سلطة تصديق فرعية
certs-a-pem-certificate-or-a = شهادة PEM، أو حزمة PKCS#7 منها. يجب أن ترتبط شهادات الشركاء بشهادة جذرية مرفوعة.

## device/approvals.rs
approvals-certificate-uploaded = الشهادة مرفوعة
approvals-no-certificate = لا توجد شهادة
approvals-what = العنصر
approvals-details = التفاصيل
approvals-nothing-waits-for-approval = لا شيء بانتظار الاعتماد.
approvals-secure-biometric-interfaces-device-details = واجهات القياسات الحيوية الآمنة وتفاصيل الأجهزة وشرائح FTM التي تنتظر قرارًا (أول 20 من كل نوع، الأحدث أولًا).
approvals-secure-biometric-interfaces = واجهات القياسات الحيوية الآمنة
approvals-device-details = تفاصيل الأجهزة
approvals-id = المعرّف
approvals-cancel = إلغاء

## device/details.rs
devices-make = العلامة التجارية
devices-model = الطراز
devices-sub-type = النوع الفرعي
devices-no-device-details-yet = لا توجد تفاصيل أجهزة بعد.
devices-new-device = جهاز جديد
devices-a-make-and-model-of = علامة تجارية وطراز لنوع من الأجهزة؛ ينتظر اعتماد مسؤول الشركاء.
devices-there-are-no-device-types = لا توجد أنواع أجهزة في قاعدة البيانات بعد: اطلب من المسؤول استيراد أنواع أجهزة MOSIP.
devices-type-and-sub-type = النوع والنوع الفرعي
devices-add-the-device = إضافة الجهاز
devices-the-device-is-added-it = تمت إضافة الجهاز؛ وهو بانتظار الاعتماد.

## device/ftm.rs
ftm-no-ftm-chips-yet = لا توجد شرائح FTM بعد.
ftm-replace-the-certificate = استبدال الشهادة
ftm-upload-the-certificate = رفع الشهادة
ftm-organisation-the-certificate-s-o = المؤسسة (حقل O في الشهادة)
ftm-certificate-file-pem = ملف الشهادة (PEM)
ftm-or-paste-it-pem = …أو الصقها (PEM)
ftm-uploaded = مرفوعة ·
ftm-download = تنزيل
ftm-not-uploaded = غير مرفوعة
ftm-new-ftm-chip = شريحة FTM جديدة
ftm-upload-its-certificate-next-a = ارفع شهادتها بعد ذلك؛ ثم يعتمدها مسؤول الشركاء.
ftm-add-the-chip = إضافة الشريحة
ftm-the-chip-is-added-upload = تمت إضافة الشريحة؛ ارفع شهادتها الآن.
ftm-the-chip-s-certificate-is = تم رفع شهادة الشريحة؛ وهي بانتظار الاعتماد.

## device/mod.rs
devices-approved-inactive = معتمد، غير نشط

## device/sbis.rs
sbis-version = الإصدار
sbis-binary-hash = بصمة الملف التنفيذي
sbis-created = تاريخ الإنشاء
sbis-expires = تاريخ الانتهاء
sbis-no-secure-biometric-interfaces-yet = لا توجد واجهات قياسات حيوية آمنة بعد.
sbis-new-secure-biometric-interface = واجهة قياسات حيوية آمنة جديدة
sbis-it-waits-for-a-partner = تنتظر اعتماد مسؤول الشركاء قبل إمكان إضافة الأجهزة إليها.
sbis-software-version = إصدار البرنامج
sbis-software-binary-hash = بصمة الملف التنفيذي للبرنامج
sbis-created-on = تاريخ الإنشاء
sbis-today-or-earlier = اليوم أو قبله.
sbis-expires-on = تاريخ الانتهاء
sbis-after-today = بعد اليوم.
sbis-add-the-sbi = إضافة الواجهة
sbis-add-a-device-to-an = إضافة جهاز إلى واجهة SBI
sbis-both-must-be-approved-the = يجب أن يكون كلاهما معتمدًا، وألا تكون صلاحية الواجهة قد انتهت.
sbis-you-need-an-approved-sbi = تحتاج أولًا إلى واجهة SBI معتمدة وجهاز معتمد.
sbis-sbi = واجهة SBI
sbis-device = الجهاز
sbis-the-sbi-is-added-it = تمت إضافة الواجهة؛ وهي بانتظار الاعتماد.
sbis-the-device-is-added-to = تمت إضافة الجهاز إلى الواجهة.

## forms.rs
form-the-file-is-not-text = الملف ليس نصيًا: ارفع شهادة بصيغة PEM (Base64).
form-the-form-has-expired-or = انتهت صلاحية النموذج أو لم يأتِ من هذه البوابة؛ أعد تحميل الصفحة وحاول مرة أخرى.

## misp/confirm.rs
misp-its-licence-keys-stop-working = تتوقف مفاتيح ترخيصه عن العمل.
misp-registration = التسجيل
misp-id = معرّف MISP
misp-keys = مفاتيح الترخيص
misp-owner = المالك

## misp/licence.rs
licence-licence-key = مفتاح الترخيص
licence-valid-to = صالح حتى
licence-download-the-current-key = تنزيل المفتاح الحالي
licence-no-licence-key-yet = لا يوجد مفتاح ترخيص بعد.
licence-generate-a-licence-key = إنشاء مفتاح ترخيص
licence-your-first-licence-key-it = مفتاح الترخيص الأول لك؛ يُجدَّد عند انتهاء صلاحيته.
licence-generate = إنشاء
licence-your-licence-key-is-generated = تم إنشاء مفتاح الترخيص الخاص بك.

## misp/misps.rs
misp-no-misps-yet = لا يوجد مزودو MISP بعد.
misp-deactivate = إيقاف…
misp-actions = الإجراءات
misp-switch-off = إيقاف
misp-switch-on = تشغيل
misp-misp-partners-licence-through-the = شركاء MISP (الترخيص عبر واجهة MOSIP 1.2)
misp-the-licence-key-is-switched = تم تغيير حالة مفتاح الترخيص.

## partner/clients.rs
clients-client = العميل
clients-no-oidc-clients-yet = لا يوجد عملاء OIDC بعد.
clients-new-oidc-client = عميل OIDC جديد
clients-you-need-an-approved-policy = تحتاج أولًا إلى سياسة معتمدة:
clients-request-one = اطلب سياسة
clients-name = الاسم
clients-approved-policy = السياسة المعتمدة
clients-public-key-jwk-rsa-at = المفتاح العام (JWK، RSA، 2048 بت على الأقل)
clients-logo-url = رابط الشعار
clients-redirect-uris-one-per-line = روابط إعادة التوجيه (رابط في كل سطر)
clients-create = إنشاء
clients-oidc-client-created = تم إنشاء عميل OIDC.
clients-oidc-client = عميل OIDC
clients-client-id = معرّف العميل
clients-save = حفظ
clients-deactivate-final = إيقاف (نهائي)

## partner/extractors.rs
extractors-extractors-belong-to-a-policy = ترتبط المستخلِصات بطلب سياسة:
extractors-request-a-policy = اطلب سياسة
extractors-first = أولًا.
extractors-none-for-this-policy-yet = لا يوجد شيء لهذه السياسة بعد.
extractors-attribute = السمة
extractors-biometric = القياس الحيوي
extractors-provider = المزوّد
extractors-add-or-replace-an-extractor = إضافة مستخلِص أو استبداله
extractors-extractors-can-change-until-the = يمكن تغيير المستخلِصات إلى أن يُعتمد الطلب.
extractors-attribute-name = اسم السمة
extractors-biometric-e-g-face-iris = القياس الحيوي (مثل face أو iris أو finger[Left Thumb])
extractors-extractor-provider = مزوّد المستخلِص
extractors-provider-version = إصدار المزوّد
extractors-save-extractor = حفظ المستخلِص
extractors-biometric-extractors = مستخلِصات القياسات الحيوية
extractors-the-extractor-is-saved = تم حفظ المستخلِص.

## partner/keys.rs
keys-ready = مفتاح API { $label } جاهز. انسخه الآن: لن يُعرض مرة أخرى.
keys-label = التسمية
keys-a-name-you-recognise-the = اسم تتعرّف به على المفتاح، فريد لكل سياسة.
keys-your-keys = مفاتيحك
keys-no-keys-yet = لا توجد مفاتيح بعد.

## partner/policies.rs
policies-your-partner-type-uses-no = نوع الشريك الخاص بك لا يستخدم السياسات.
policies-policies-of-your-group = سياسات مجموعتك
policies-no-policy-of-your-group = لا توجد سياسة نشطة في مجموعتك بعد.
policies-policy-name = اسم السياسة
policies-what-you-will-use-it = الغرض من استخدامها
policies-send-the-request = إرسال الطلب
policies-your-requests = طلباتك
policies-no-requests-yet = لا توجد طلبات بعد.

## partner/profile.rs
profile-contacts = جهات الاتصال
profile-no-further-contacts-yet = لا توجد جهات اتصال أخرى بعد.
profile-add-or-update-a-contact = إضافة جهة اتصال أو تحديثها
profile-edit-contact = تعديل
profile-save-contact = حفظ جهة الاتصال
profile-your-details-are-saved = تم حفظ بياناتك.
profile-the-contact-is-saved = تم حفظ جهة الاتصال.

## policy/drafts.rs
policy-the-draft-policy-is-saved = تم حفظ مسودة السياسة. انشرها عندما تكون جاهزة.
policy-the-draft-policy-is-saved-2 = تم حفظ مسودة السياسة.

## policy/editor.rs
policy-new-policy = سياسة جديدة
policy-policy-published = سياسة (منشورة)
policy-edit-policy = تعديل السياسة
policy-description = الوصف
policy-policy-id = معرّف السياسة
policy-state = المرحلة
policy-deactivated = تاريخ الإيقاف
policy-start-from-the-template-of = ابدأ من قالب:
policy-the-policy-does-not-meet = لا تستوفي السياسة مخططها: راجع القائمة بجانب المستند.
policy-policy-document = مستند السياسة
policy-policy-type = نوع السياسة
policy-policy-document-json = مستند السياسة (JSON)
policy-json-valid = المستند بصيغة JSON.
policy-json-invalid = ليس JSON بعد:
policy-json-layout = تنسيق
policy-schema-violations = { $count ->
    [zero] لا توجد مخالفات للمخطط
    [one] مخالفة واحدة للمخطط
    [two] مخالفتان للمخطط
    [few] { $count } مخالفات للمخطط
    [many] { $count } مخالفة للمخطط
   *[other] { $count } مخالفة للمخطط
}
policy-save-draft = حفظ المسودة
policy-create-draft = إنشاء المسودة
policy-all-policies = → كل السياسات

## policy/groups.rs
groups-no-policy-groups-yet = لا توجد مجموعات سياسات بعد.
groups-new-policy-group = مجموعة سياسات جديدة
groups-create-group = إنشاء المجموعة
groups-all-policy-groups = → كل مجموعات السياسات
groups-the-policy-group-is-saved = تم حفظ مجموعة السياسات.

## policy/policies.rs
policy-group = المجموعة
policy-no-policies-yet = لا توجد سياسات بعد.
policy-publish = نشر…
policy-publish-2 = نشر
policy-a-published-policy-cannot-be = لا يمكن تعديل السياسة بعد نشرها؛ ويمكن لشركاء المجموعة طلبها.
policy-the-policy-is-published = تم نشر السياسة.

## view/confirm.rs
confirm-reason-optional = السبب (اختياري)
confirm-shown-in-the-confirmation-message = يظهر في رسالة التأكيد ويُسجَّل في سجل الخدمة.

## جمل بمتغيرات
confirm-reason-given = السبب: { $reason }
requests-confirm-approve = اعتماد { $what }؟
requests-confirm-reject = رفض { $what }؟
requests-title-approve = اعتماد طلب السياسة
requests-title-reject = رفض طلب السياسة
requests-approve-what = اعتماد { $what }
requests-what = طلب { $partner } لـ { $policy }
partners-confirm-deactivate = إيقاف الشريك { $name } ({ $id })؟
partners-confirm-activate = تفعيل الشريك { $name } ({ $id })؟
partners-title-deactivate = إيقاف الشريك { $id }
partners-title-activate = تفعيل الشريك { $id }
partners-title-partner = الشريك { $id }
policy-confirm-publish = نشر السياسة { $name } (الإصدار { $version }) من المجموعة { $group }؟
policy-confirm-activate = تفعيل السياسة { $name } (الإصدار { $version }) من المجموعة { $group }؟
policy-confirm-deactivate = إيقاف السياسة { $name } (الإصدار { $version }) من المجموعة { $group }؟
policy-title-publish = نشر السياسة { $name }
policy-title-activate = تفعيل السياسة { $name }
policy-title-deactivate = إيقاف السياسة { $name }
misp-confirm-reject = رفض مزود MISP { $name } ({ $id })؟
misp-confirm-deactivate = إيقاف مزود MISP { $name } ({ $id })؟
misp-title-reject = رفض مزود MISP { $name }
misp-title-deactivate = إيقاف مزود MISP { $name }
signup-code-valid-until = وهو صالح حتى { $when }.
signup-code-sent = أرسلنا رمزًا إلى { $email }.
signup-new-code-sent = أرسلنا رمزًا جديدًا إلى { $email }.
groups-created = تم إنشاء مجموعة السياسات { $name }.
keys-generated = تم إنشاء مفتاح API { $label }.
clients-saved = تم الحفظ: حالة العميل { $status }.
form-too-large = حجم النموذج يتجاوز { $kib } كيلوبايت.
notices-dismissed = تم تجاهل الإشعار.

## notices.rs
notices-root-ca-expires = تنتهي صلاحية شهادة سلطة التصديق الجذرية { $subject } في { $when }.
notices-intermediate-ca-expires = تنتهي صلاحية شهادة سلطة التصديق الوسيطة { $subject } في { $when }.
notices-certificate-expires = تنتهي صلاحية الشهادة { $subject } في { $when }.
notices-of-partner = الشريك: { $partner }.
notices-domain = النطاق: { $domain }.
notices-api-key-expires = تنتهي صلاحية مفتاح API { $key } للسياسة { $policy } في { $when }.
notices-weekly-summary = الملخص الأسبوعي: { $count ->
    [zero] لا توجد شهادات تنتهي صلاحيتها قريبًا.
    [one] شهادة واحدة تنتهي صلاحيتها قريبًا.
    [two] شهادتان تنتهي صلاحيتهما قريبًا.
    [few] { $count } شهادات تنتهي صلاحيتها قريبًا.
   *[other] { $count } شهادة تنتهي صلاحيتها قريبًا.
}
notices-none = لا توجد إشعارات.
notices-partner = الشريك { $partner }
notices-dismiss = تجاهل

## device/approvals.rs، جمل
approvals-sbi-details = البصمة { $hash }؛ صالحة { $valid }
approvals-question = { $decision ->
    [approve] اعتماد
   *[reject] رفض
} { $kind ->
    [sbi] واجهة القياسات الحيوية الآمنة هذه
    [device] تفاصيل الجهاز هذه
   *[chip] شريحة FTM هذه
}؟
approvals-title = { $decision ->
    [approve] اعتماد
   *[reject] رفض
} { $kind ->
    [sbi] واجهة قياسات حيوية آمنة
    [device] تفاصيل جهاز
   *[chip] شريحة FTM
}
approvals-yes = { $decision ->
    [approve] نعم، اعتمد
   *[reject] نعم، ارفض
}

## النتائج
misp-status-decided = { $status ->
    [approved] تم اعتماد مزود MISP.
    [rejected] تم رفض مزود MISP.
   *[other] تم تحديث تسجيل مزود MISP.
}
misp-activity-changed = { $status ->
    [active] تم تفعيل مزود MISP.
   *[other] تم إيقاف مزود MISP.
}
requests-decided = { $status ->
    [approved] تم اعتماد طلب السياسة.
   *[other] تم رفض طلب السياسة.
}
partners-status-changed = { $status ->
    [active] تم تفعيل الشريك.
   *[other] تم إيقاف الشريك.
}
policy-status-changed = { $status ->
    [active] تم تفعيل السياسة.
   *[other] تم إيقاف السياسة.
}
approvals-decided = { $decision ->
    [approve] تم الاعتماد: يمكن استخدامه الآن.
   *[reject] تم الرفض.
}
policies-request-sent = تم إرسال طلبك؛ سيراجعه أحد المسؤولين.
certs-ca-uploaded = تم رفع الشهادة.
signup-registered = تم تسجيل الشريك { $id } (الحالة { $status }). سجّل الدخول باسم المستخدم وكلمة المرور.
clients-policy-claims-acr = السياسة { $policy }؛ السمات { $claims }؛ ACR { $acr }
requests-reject-what = رفض { $what }
signup-needs-policy-group = { $kind } (يحتاج إلى مجموعة سياسات)
sbis-choice = { $version } (تنتهي في { $expires })

## سجل التدقيق: كل حدث بكلمات واضحة (event-<Event>)
event-RegisterPartner = تسجيل شريك
event-RequestPartnerKey = طلب مفتاح شريك
event-RegisterPartnerSuccess = نجاح تسجيل شريك
event-PartnerKeyCreated = تم إنشاء مفتاح الشريك
event-CreateApiKey = إنشاء مفتاح API
event-CreateBiometrics = إنشاء مستخلِصات القياسات الحيوية
event-CreatePolicyMapping = طلب سياسة
event-UpsertContact = حفظ جهة اتصال
event-GetPartner = قراءة بيانات شريك
event-GetApiKey = قراءة مفتاح API
event-GetCertificate = قراءة شهادة
event-ApiKeyApproved = تم اعتماد مفتاح API
event-BiometricsCreated = تم إنشاء مستخلِصات القياسات الحيوية
event-PolicyMappingCreated = تم إنشاء طلب السياسة
event-ContactUpserted = تم حفظ جهة الاتصال
event-GetPartnerSuccess = نجاح قراءة بيانات شريك
event-GetApiKeySuccess = نجاح قراءة مفتاح API
event-GetCertificateSuccess = نجاح قراءة شهادة
event-InvalidEmailOnCreate = بريد إلكتروني غير صالح عند الإنشاء
event-InvalidEmailOnUpdate = بريد إلكتروني غير صالح عند التحديث
event-PartnerAlreadyRegistered = الشريك مسجَّل مسبقًا
event-OrganisationAlreadyRegistered = المؤسسة مسجَّلة مسبقًا
event-PolicyGroupMissing = مجموعة السياسات غير موجودة
event-PartnerMissing = الشريك غير موجود
event-PolicyMappingMissing = طلب السياسة غير موجود
event-PartnerTypeNotAllowed = نوع الشريك غير مسموح
event-EmailNotAllowed = البريد الإلكتروني غير مسموح
event-CertificateUploadFailed = فشل رفع شهادة
event-CaCertificateUploadFailed = فشل رفع شهادة سلطة تصديق
event-CreatePolicyGroup = إنشاء مجموعة سياسات
event-GetPolicyGroup = قراءة مجموعة سياسات
event-UpdatePolicyGroup = تحديث مجموعة سياسات
event-CreatePolicy = إنشاء سياسة
event-GetPolicy = قراءة سياسة
event-UpdatePolicy = تحديث سياسة
event-CreatePolicyGroupSuccess = نجاح إنشاء مجموعة سياسات
event-GetPolicyGroupSuccess = نجاح قراءة مجموعة سياسات
event-UpdatePolicyGroupSuccess = نجاح تحديث مجموعة سياسات
event-CreatePolicySuccess = نجاح إنشاء سياسة
event-GetPolicySuccess = نجاح قراءة سياسة
event-UpdatePolicySuccess = نجاح تحديث سياسة
event-CreatePolicyGroupFailure = فشل إنشاء مجموعة سياسات
event-GetPolicyGroupFailure = فشل قراءة مجموعة سياسات
event-UpdatePolicyGroupFailure = فشل تحديث مجموعة سياسات
event-CreatePolicyFailure = فشل إنشاء سياسة
event-GetPolicyFailure = فشل قراءة سياسة
event-UpdatePolicyFailure = فشل تحديث سياسة
event-RegisterMisp = تسجيل مزود MISP
event-RegisterMispSuccess = نجاح تسجيل مزود MISP
event-MispCreated = تم إنشاء مزود MISP
event-GenerateMispId = إنشاء معرّف مزود MISP
event-MispDetailsCreated = تم إنشاء تفاصيل مزود MISP
event-ProcessMispStatus = معالجة حالة مزود MISP
event-ValidateMispId = التحقق من معرّف مزود MISP
event-RejectedMispNoLicense = مزود MISP مرفوض: لا ترخيص
event-UpdateMispLicenseStatus = تحديث حالة ترخيص مزود MISP
event-UpdateMisp = تحديث مزود MISP
event-MispUpdated = تم تحديث مزود MISP
event-ValidateLicenseKey = التحقق من مفتاح ترخيص
event-FetchLicenseKeyDetails = قراءة تفاصيل مفتاح ترخيص
event-LicenseKeyState = حالة مفتاح ترخيص
event-UpdateMispStatus = تحديث حالة مزود MISP
event-MispActiveState = نشاط مزود MISP
event-UpdateLicenseKeyStatus = تحديث حالة مفتاح ترخيص
event-ProcessMispStatusSuccess = نجاح معالجة حالة مزود MISP
event-MispStatusProcessed = تمت معالجة حالة مزود MISP
event-MispActiveStateUpdated = تم تحديث نشاط مزود MISP
event-UpdateMispSuccess = نجاح تحديث مزود MISP
event-ValidateLicenseKeySuccess = نجاح التحقق من مفتاح ترخيص
event-UpdateMispStatusSuccess = نجاح تحديث حالة مزود MISP
event-MispInvalidEmailOnCreate = بريد مزود MISP غير صالح عند الإنشاء
event-MispInvalidEmailOnUpdate = بريد مزود MISP غير صالح عند التحديث
event-MispNameTakenOnUpdate = اسم مزود MISP مستخدم عند التحديث
event-MispNameTakenOnCreate = اسم مزود MISP مستخدم عند الإنشاء
event-MispStatusNotApprovedOrRejected = حالة مزود MISP ليست معتمدة ولا مرفوضة
event-MispStatusException = خطأ في حالة مزود MISP
event-MispDeactivatedCannotApprove = مزود MISP موقوف: لا يمكن اعتماده
event-LicenseKeyNotFound = مفتاح الترخيص غير موجود
event-LicenseKeyStatusInvalid = حالة مفتاح الترخيص غير صالحة
event-MispActiveStatusInvalid = حالة نشاط مزود MISP غير صالحة
event-RequeueEvents = إعادة الأحداث إلى قائمة الانتظار
event-RequeueEventsSuccess = نجاح إعادة الأحداث إلى قائمة الانتظار
event-Republish = إعادة النشر
event-RepublishSuccess = نجاح إعادة النشر
event-SealSigningKeys = ختم مفاتيح التوقيع
event-SealSigningKeysSuccess = نجاح ختم مفاتيح التوقيع
event-CreateOidcClient = إنشاء عميل OIDC
event-CreateOidcClientFailure = فشل إنشاء عميل OIDC
event-UpdateOidcClient = تحديث عميل OIDC
event-UpdateOidcClientFailure = فشل تحديث عميل OIDC
event-GetOidcClientFailure = فشل قراءة عميل OIDC
event-CreateDevice = إنشاء جهاز
event-CreateDeviceFailure = فشل إنشاء جهاز
event-CreateDeviceSuccess = نجاح إنشاء جهاز
event-UpdateDevice = تحديث جهاز
event-UpdateDeviceSuccess = نجاح تحديث جهاز
event-UpdateDeviceFailure = فشل تحديث جهاز
event-CreateSbi = إنشاء واجهة SBI
event-SaveSbiSuccess = نجاح حفظ واجهة SBI
event-UpdateSbi = تحديث واجهة SBI
event-SbiFailure = فشل في واجهة SBI
event-UploadFtmCertificate = رفع شهادة شريحة FTM
event-SaveUserConsent = حفظ موافقة المستخدم
event-SaveUserConsentSuccess = نجاح حفظ موافقة المستخدم
event-LoginRefused = رفض تسجيل الدخول
event-LoginLocked = قفل تسجيل الدخول
event-OtpVerifyThrottled = محاولات تحقق من الرمز كثيرة جدًا
event-OtpSendThrottled = طلبات إرسال الرمز كثيرة جدًا
event-DismissNotification = تجاهل إشعار
event-DismissNotificationSuccess = نجاح تجاهل إشعار
event-SaveNotificationsSeen = حفظ وقت الاطلاع على الإشعارات
event-SaveNotificationsSeenSuccess = نجاح حفظ وقت الاطلاع على الإشعارات
event-ExpiredApiKeySwitchedOff = إيقاف مفتاح API منتهي الصلاحية
event-ExpiredLicenseSwitchedOff = إيقاف ترخيص منتهي الصلاحية
keys-no-such-key = لا يوجد مفتاح API بهذا الوصف.
keys-confirm-deactivate = إيقاف مفتاح API { $label } للسياسة { $policy }؟
keys-deactivate-key = إيقاف المفتاح
keys-a-switched-off-key = تُرفض الطلبات المقدمة بهذا المفتاح من الآن؛ ويمكن للمسؤول إعادة تفعيله.
keys-title-deactivate = إيقاف مفتاح API { $label }
groups-confirm-deactivate = إيقاف مجموعة السياسات { $name }؟
groups-deactivate-group = إيقاف المجموعة
groups-a-deactivated-group = { $count ->
    [one] لا يمكن للشركاء طلب سياستها ما دامت المجموعة غير نشطة.
   *[other] لا يمكن للشركاء طلب سياساتها ({ $count }) ما دامت المجموعة غير نشطة.
}
groups-title-deactivate = إيقاف مجموعة السياسات { $name }
copy-copy = نسخ
copy-copied = تم النسخ
table-filter-label = البحث في هذه القائمة
table-filter = بحث
table-clear = مسح
table-nothing-matches = لا شيء في هذه القائمة يطابق البحث.
keys-search-label = التسمية تحتوي على
keys-search-partner-label = اسم الشريك يحتوي على
requests-search-policy-label = اسم السياسة يحتوي على
sbis-search-label = الإصدار يحتوي على
devices-search-label = الصنع يحتوي على
clients-search-label = اسم العميل يحتوي على
trust-search-label = صادر إلى يحتوي على

## MOSIP's master data in words
partner-type-Auth_Partner = شريك المصادقة
partner-type-Device_Provider = مزوّد الأجهزة
partner-type-Credential_Partner = شريك الاعتمادات
partner-type-Partner_Admin = مسؤول الشركاء
partner-type-FTM_Provider = مزوّد FTM
partner-type-Online_Verification_Partner = شريك التحقق عبر الإنترنت
partner-type-ABIS_Partner = شريك ABIS
partner-type-Manual_Adjudication = الفصل اليدوي
partner-type-MISP_Partner = شريك MISP
partner-type-Internal_Partner = شريك داخلي
partner-type-SDK_Partner = شريك SDK
partner-type-Print_Partner = شريك الطباعة
partner-type-Binding_Partner = شريك الربط
policy-type-Auth = المصادقة
policy-type-DataShare = مشاركة البيانات
policy-type-CredentialIssuance = إصدار الاعتمادات
device-type-Finger = بصمة الإصبع
device-type-Face = الوجه
device-type-Iris = القزحية
