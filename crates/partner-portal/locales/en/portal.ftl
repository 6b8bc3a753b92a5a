# The partner portal's messages in English: the language every other catalogue falls back to.
# Ids are kebab-case; a message's arguments are { $snake_case }.

language-name = English

## The page frame
page-title = { $title } · Partner Management Portal
skip-to-content = Skip to content
brand = Partner Management
session-ended = Your session has ended. Please log in again.
footer = MOSIP partner management · { $version }
picker-language = Language
picker-time-zone = Time zone
picker-time-zone-auto = As my browser says
picker-apply = Apply

## Navigation
nav-breadcrumbs = You are here
nav-main = Main
nav-home = Home
nav-profile = Profile
nav-certificates = Certificates
nav-policies = Policies
nav-api-keys = API keys
nav-oidc-clients = OIDC clients
nav-extractors = Extractors
nav-licence = Licence
nav-sbis = SBIs
nav-devices = Devices
nav-ftm-chips = FTM chips
nav-partners = Partners
nav-policy-requests = Policy requests
nav-ca-certificates = CA certificates
nav-misps = MISPs
nav-device-approvals = Device approvals
nav-policy-groups = Policy groups
nav-audit = Audit
nav-notifications = Notifications
nav-unseen = { $count } unseen
nav-log-out = Log out
nav-log-in = Log in
nav-sign-up = Sign up

## Dates and expiries
date-time = { $day } { $month } { $year }, { $time } ({ $zone })
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
expiry-expired = expired
expiry-in-days = { $days ->
    [0] expires today
    [one] expires in { $days } day
   *[other] expires in { $days } days
}

## Errors
error-title-forbidden = Not allowed
error-title-not-found = Not found
error-title-log-in = Please log in
error-title-server = Something went wrong
error-title-refused = Request refused
error-back-home = Back to the portal home
error-refused-list = The request was refused:
error-field = { $field }: { $problem }
problem-required = must be filled in

## MOSIP's error codes in plain words (the code is shown beside them)
error-KER-ATH-401 = Please log in to do this.
error-KER-ATH-403 = Your account is not allowed to do this.
error-PMS_COR_003 = Something went wrong on our side. Please try again later.
error-PMS_COR_404 = There is no such page.
error-PMS_POR_001 = The form had expired or was sent from elsewhere. Please try again.
error-PMS_POR_002 = The form could not be read.
error-PMS_PRT_005 = No partner with this id exists.
error-PMS_PRT_011 = A partner with this e-mail address is already registered.
error-PMS_PRT_012 = This e-mail address is not valid.
error-PMS_PRT_051 = A partner with this id already exists.
error-PMS_PRT_053 = A request for this policy is already waiting for approval.
error-PMS_PRT_066 = A partner id cannot contain spaces.
error-PMS_PRT_108 = Upload your partner certificate first.
error-PMS_PRT_110 = An API key with this label already exists.
error-PMS_PMP_016 = The partner is not active.
error-PMS_PMP_019 = The policy is not active.
error-PMS_PM_034 = This request has already been approved.
error-PMS_PM_035 = This request has already been rejected.
error-PMS_POL_008 = No such policy exists.
error-PMS_POL_016 = No such policy group exists.
error-PMS_POL_020 = This policy is already published.
error-PMS_POL_055 = A published policy cannot be changed.
error-KER-PCM-001 = This file is not a certificate. Upload an X.509 certificate in PEM (Base64) form, beginning with -----BEGIN CERTIFICATE-----, or a PKCS#7 bundle of them.
error-KER-KMS-013 = This file is not a certificate. Upload an X.509 certificate in PEM (Base64) form, beginning with -----BEGIN CERTIFICATE-----, or a PKCS#7 bundle of them.
error-KER-CRY-003 = This file is not a certificate. Upload an X.509 certificate in PEM (Base64) form, beginning with -----BEGIN CERTIFICATE-----, or a PKCS#7 bundle of them.
error-KER-PCM-003 = This certificate has already been uploaded.
error-KER-PCM-004 = The certificate is not valid today: check its validity dates.
error-KER-PCM-005 = The certificate's root CA has not been uploaded by the administrators.
error-KER-PCM-006 = The certificate's chain of trust was not found: its issuing CA has not been uploaded.
error-KER-PCM-008 = The certificate's organisation does not match the partner's organisation.
error-KER-PCM-013 = The certificate's key is too small.
error-KER-PCM-014 = The certificate's signature algorithm is not accepted.
error-PMS_ONB_001 = This e-mail domain may not sign up by itself.
error-PMS_ONB_002 = This partner type may not sign up by itself.
error-PMS_ONB_003 = A code was sent a moment ago. You can ask for a new one in { $n } seconds.
error-PMS_ONB_004 = Too many codes were asked for this e-mail address. Try again in { $n } minutes.
error-PMS_ONB_006 = The code is not correct. { $n ->
    [one] One attempt is left.
   *[other] { $n } attempts are left.
}
error-PMS_ONB_010-short = The password is too short: use at least { $n } characters.
error-PMS_ONB_010-long = The password is too long: use at most { $n } characters.
error-PMS_ONB_010-empty = Please choose a password.
error-PMS_ONB_010-control = The password may not contain control characters.
error-PMS_ONB_010-name = The password may not contain the user name or the e-mail address.
error-PMS_ONB_010-easy = The password is too easy to guess. Choose a longer one with more different characters.
error-PMS_ONB_012 = Logging in here is not available: please log in with your identity provider.
error-PMS_ONB_015 = Too many failed logins. Try again in { $n } seconds.
error-PMS_ONB_016 = Too many codes asked or wrong codes entered. Try again in { $n } seconds.
error-PMS_PRT_013 = This phone number is too long: it must be shorter than { $n } characters.
error-PMS_ONB_005 = This sign-up is unknown or has ended. Please start again.
error-PMS_ONB_007 = The code has expired. Ask for a new one.
error-PMS_ONB_008 = Too many wrong codes. Ask for a new one.
error-PMS_ONB_009 = This sign-up is already complete. Please log in.
error-PMS_ONB_011 = The user name or password is not correct.
error-PMS_ONB_013 = The code must be the digits sent to you.

## Statuses
status-active = Active
status-inactive = Inactive
status-pending = Pending
status-certificate-needed = Certificate needed
status-approved = Approved
status-rejected = Rejected
status-published = Published
status-draft = Draft
status-expired = Expired
status-dismissed = Dismissed

## Pages of results
pager-label = Pages
pager-previous = ← Previous
pager-next = Next →
pager-position = Page { $page } of { $pages } · { $total } in all

## partner/dashboard.rs
home-partners-of-this-mosip-deployment = Partners of this MOSIP deployment register here, upload their certificates, ask for policies and manage their API keys. Administrators approve partners and policy requests; policy managers publish policies.
home-sign-up-as-a-partner = Sign up as a partner
home-welcome = Welcome
home-your-partner-account-has-been = Your partner account has been deactivated by an administrator.
home-your-api-keys-and-licence = Your API keys and licence keys no longer work, and you cannot request policies. Contact your administrator to have the account activated again.
home-what-to-do-next = What to do next
home-upload-your-certificate = Upload your certificate
home-your-partner-certificate-signed-by = Your partner certificate, signed by a CA the administrators have uploaded, activates your account.
home-request-a-policy = Request a policy
home-ask-to-use-a-policy = Ask to use a policy of your policy group.
home-wait-for-approval = Wait for approval
home-an-administrator-reviews-your-request = An administrator reviews your request.
home-generate-an-api-key = Generate an API key
home-create-a-key-for-an = Create a key for an approved policy.
home-get-your-licence-key = Get your licence key
home-generate-and-download-your-misp = Generate and download your MISP licence key.
home-register-your-sbis-and-devices = Register your SBIs and devices
home-add-your-secure-biometric-interfaces = Add your secure biometric interfaces and device makes and models, have them approved, then add the devices to the SBIs.
home-register-your-ftm-chips = Register your FTM chips
home-add-each-chip-and-upload = Add each chip and upload its certificate for approval.
home-dashboard = Dashboard
home-partner-id = Partner id
home-status = Status
home-partner-type = Partner type
home-policy-group = Policy group
home-e-mail = E-mail
home-to-do = to do
home-done = done
home-search-inspect-activate-and-deactivate = Search, inspect, activate and deactivate partners.
home-approve-or-reject-what-partners = Approve or reject what partners asked for.
home-activate-or-deactivate-partners-keys = Activate or deactivate partners' keys.
home-upload-the-cas-partner-certificates = Upload the CAs partner certificates chain to.
home-approve-misps-and-manage-their = Approve MISPs and manage their licence keys.
home-approve-or-reject-sbis-device = Approve or reject SBIs, device details and FTM chips.
home-create-and-edit-policy-groups = Create and edit policy groups.
home-draft-publish-activate-and-deactivate = Draft, publish, activate and deactivate policies.
home-every-action-newest-first = Every action, newest first.
home-administration = Administration
home-waiting = { $count ->
    [one] 1 waits for you
   *[other] { $count } wait for you
}
home-waiting-unknown = Could not count what waits.

## admin/audit.rs
audit-event-id = Event id
audit-reference-id = Reference id
audit-user = User
audit-from = From ({ $zone })
audit-to = To ({ $zone })
audit-show-reads-too = Show reads too
audit-filter = Filter
audit-time = Time
audit-what-happened = What happened
audit-by = By
audit-to-what = To what
audit-outcome = Outcome
audit-refused = Refused
audit-done = Done
audit-no-audit-record-matches = No audit record matches.
audit-audit-log = Audit log

## admin/partners.rs
partners-any-type = Any type
partners-any-status = Any status
partners-name-contains = Name contains
partners-search = Search
partners-partner = Partner
partners-organisation = Organisation
partners-type = Type
partners-approval = Approval
partners-no-partner-matches = No partner matches.
partners-phone = Phone
partners-address = Address
partners-certificate = Certificate
partners-deactivate-partner = Deactivate partner…
partners-activate-partner = Activate partner
partners-deactivate = Deactivate
partners-activate = Activate
partners-deactivate-partner-2 = Deactivate partner
partners-the-partner-can-no-longer = The partner can no longer use its API keys; it sees why when it logs in.

## admin/requests.rs
requests-policy = Policy
requests-use = Use
requests-requested = Requested
requests-decision = Decision
requests-approve = Approve
requests-reject = Reject…
requests-no-requests = No requests.
requests-reject-2 = Reject
requests-approve-request = Approve request
requests-reject-request = Reject request
requests-all = All
requests-show = Show

## admin/trust.rs
trust-uploaded-ca-and-intermediate-certificates = Uploaded CA and intermediate certificates
trust-none-uploaded-yet = None uploaded yet.
trust-domain = Domain
trust-issued-to = Issued to
trust-issued-by = Issued by
trust-valid-until = Valid until
trust-uploaded = Uploaded
trust-root = Root
trust-intermediate = Intermediate

## auth/mod.rs
login-user-name = User name
login-password = Password
login-new-partner = New partner?
login-send-your-form-again = Send your form again
login-you-are-logged-out = You are logged out.

## auth/resend.rs
signup-fill-in-the-sign-up = Fill in the sign-up form again to get a new code.

## auth/resume.rs
resume-what-you-typed-kept = What you typed (kept)
resume-your-session-has-ended-log = Your session has ended. Log in again: what you typed is kept, and you can send it once you are logged in.
resume-log-in-again = Log in again
resume-you-are-logged-in-again = You are logged in again. Send your form now; nothing was sent yet.
resume-send-again = Send again

## auth/signup.rs
signup-none = — none —
signup-register-your-organisation-we-e = Register your organisation. We e-mail you a one-time code to confirm the address; then you choose your password.
signup-user-name-your-partner-id = User name (your partner id)
signup-letters-digits-no-spaces-you = Letters, digits, no spaces; you log in with it.
signup-contact-number = Contact number
signup-send-me-the-code = Send me the code
signup-already-registered = Already registered?
signup-enter-the-six-digit-code = Enter the six-digit code from the e-mail and choose your password.
signup-registration-id = Registration id
signup-code-from-the-e-mail = Code from the e-mail
signup-at-least-10-characters-not = At least 10 characters, not your user name or e-mail.
signup-repeat-the-password = Repeat the password
signup-complete-sign-up = Complete sign-up
signup-no-code-or-it-expired = No code, or it expired?
signup-send-a-new-code = Send a new code
signup-confirm-your-e-mail = Confirm your e-mail
signup-does-not-repeat-the-password = does not repeat the password

## certs.rs
certs-your-certificate-is-uploaded = Your certificate is uploaded.
certs-validity = valid { $from } – { $to } ({ $expiry })
certs-none-uploaded = none uploaded
certs-subject = Subject
certs-issuer = Issuer
certs-valid-from = Valid from
certs-your-certificate = Your certificate
certs-no-certificate-uploaded-yet = No certificate uploaded yet.
certs-upload-a-certificate = Upload a certificate
certs-a-pem-base64-x-509 = A PEM (Base64) X.509 certificate for your organisation, issued by a CA the administrators have uploaded.
certs-certificate-file = Certificate file
certs-upload = Upload
certs-upload-a-ca-or-sub = Upload a CA or sub-CA certificate
certs-a-pem-certificate-or-a = A PEM certificate, or a PKCS#7 bundle of them. Partner certificates must chain to an uploaded root.

## device/approvals.rs
approvals-certificate-uploaded = certificate uploaded
approvals-no-certificate = no certificate
approvals-what = What
approvals-details = Details
approvals-nothing-waits-for-approval = Nothing waits for approval.
approvals-secure-biometric-interfaces-device-details = Secure biometric interfaces, device details and FTM chips waiting for a decision (the first 20 of each, newest first).
approvals-secure-biometric-interfaces = Secure biometric interfaces
approvals-device-details = Device details
approvals-id = Id
approvals-cancel = Cancel

## device/details.rs
devices-make = Make
devices-model = Model
devices-sub-type = Sub-type
devices-no-device-details-yet = No device details yet.
devices-new-device = New device
devices-a-make-and-model-of = A make and model of a device type; it waits for a partner admin's approval.
devices-there-are-no-device-types = There are no device types in the store yet: ask an administrator to import MOSIP's device types.
devices-type-and-sub-type = Type and sub-type
devices-add-the-device = Add the device
devices-the-device-is-added-it = The device is added; it waits for approval.

## device/ftm.rs
ftm-no-ftm-chips-yet = No FTM chips yet.
ftm-replace-the-certificate = Replace the certificate
ftm-upload-the-certificate = Upload the certificate
ftm-organisation-the-certificate-s-o = Organisation (the certificate's O)
ftm-certificate-file-pem = Certificate file (PEM)
ftm-or-paste-it-pem = …or paste it (PEM)
ftm-uploaded = uploaded ·
ftm-download = Download
ftm-not-uploaded = not uploaded
ftm-new-ftm-chip = New FTM chip
ftm-upload-its-certificate-next-a = Upload its certificate next; a partner admin approves it then.
ftm-add-the-chip = Add the chip
ftm-the-chip-is-added-upload = The chip is added; upload its certificate next.
ftm-the-chip-s-certificate-is = The chip's certificate is uploaded; it waits for approval.

## device/mod.rs
devices-approved-inactive = approved, inactive

## device/sbis.rs
sbis-version = Version
sbis-binary-hash = Binary hash
sbis-created = Created
sbis-expires = Expires
sbis-no-secure-biometric-interfaces-yet = No secure biometric interfaces yet.
sbis-new-secure-biometric-interface = New secure biometric interface
sbis-it-waits-for-a-partner = It waits for a partner admin's approval before devices can be added to it.
sbis-software-version = Software version
sbis-software-binary-hash = Software binary hash
sbis-created-on = Created on
sbis-today-or-earlier = Today or earlier.
sbis-expires-on = Expires on
sbis-after-today = After today.
sbis-add-the-sbi = Add the SBI
sbis-add-a-device-to-an = Add a device to an SBI
sbis-both-must-be-approved-the = Both must be approved; the SBI must not have expired.
sbis-you-need-an-approved-sbi = You need an approved SBI and an approved device first.
sbis-sbi = SBI
sbis-device = Device
sbis-the-sbi-is-added-it = The SBI is added; it waits for approval.
sbis-the-device-is-added-to = The device is added to the SBI.

## forms.rs
form-the-file-is-not-text = The file is not text: upload a PEM (Base64) certificate.
form-the-form-has-expired-or = The form has expired or did not come from this portal; reload the page and try again.

## misp/confirm.rs
misp-its-licence-keys-stop-working = Its licence keys stop working.
misp-registration = Registration
misp-id = MISP id
misp-keys = Licence keys
misp-owner = Owner

## misp/licence.rs
licence-licence-key = Licence key
licence-valid-to = Valid to
licence-download-the-current-key = Download the current key
licence-no-licence-key-yet = No licence key yet.
licence-generate-a-licence-key = Generate a licence key
licence-your-first-licence-key-it = Your first licence key; it is renewed when it expires.
licence-generate = Generate
licence-your-licence-key-is-generated = Your licence key is generated.

## misp/misps.rs
misp-no-misps-yet = No MISPs yet.
misp-deactivate = Deactivate…
misp-actions = Actions
misp-switch-off = Switch off
misp-switch-on = Switch on
misp-misp-partners-licence-through-the = MISP partners (licence through the MOSIP 1.2 API)
misp-the-licence-key-is-switched = The licence key is switched.

## partner/clients.rs
clients-client = Client
clients-no-oidc-clients-yet = No OIDC clients yet.
clients-new-oidc-client = New OIDC client
clients-you-need-an-approved-policy = You need an approved policy first:
clients-request-one = request one
clients-name = Name
clients-approved-policy = Approved policy
clients-public-key-jwk-rsa-at = Public key (JWK, RSA, at least 2048 bits)
clients-logo-url = Logo URL
clients-redirect-uris-one-per-line = Redirect URIs (one per line)
clients-create = Create
clients-oidc-client-created = OIDC client created.
clients-oidc-client = OIDC client
clients-client-id = Client id
clients-save = Save
clients-deactivate-final = Deactivate (final)

## partner/extractors.rs
extractors-extractors-belong-to-a-policy = Extractors belong to a policy request:
extractors-request-a-policy = request a policy
extractors-first = first.
extractors-none-for-this-policy-yet = None for this policy yet.
extractors-attribute = Attribute
extractors-biometric = Biometric
extractors-provider = Provider
extractors-add-or-replace-an-extractor = Add or replace an extractor
extractors-extractors-can-change-until-the = Extractors can change until the request is approved.
extractors-attribute-name = Attribute name
extractors-biometric-e-g-face-iris = Biometric (e.g. face, iris, finger[Left Thumb])
extractors-extractor-provider = Extractor provider
extractors-provider-version = Provider version
extractors-save-extractor = Save extractor
extractors-biometric-extractors = Biometric extractors
extractors-the-extractor-is-saved = The extractor is saved.

## partner/keys.rs
keys-ready = API key { $label } is ready. Copy it now: it is not shown again.
keys-label = Label
keys-a-name-you-recognise-the = A name you recognise the key by, unique per policy.
keys-your-keys = Your keys
keys-no-keys-yet = No keys yet.

## partner/policies.rs
policies-your-partner-type-uses-no = Your partner type uses no policies.
policies-policies-of-your-group = Policies of your group
policies-no-policy-of-your-group = No policy of your group is active yet.
policies-policy-name = Policy name
policies-what-you-will-use-it = What you will use it for
policies-send-the-request = Send the request
policies-your-requests = Your requests
policies-no-requests-yet = No requests yet.

## partner/profile.rs
profile-contacts = Contacts
profile-no-further-contacts-yet = No further contacts yet.
profile-add-or-update-a-contact = Add or update a contact
profile-edit-contact = Edit
profile-save-contact = Save contact
profile-your-details-are-saved = Your details are saved.
profile-the-contact-is-saved = The contact is saved.

## policy/drafts.rs
policy-the-draft-policy-is-saved = The draft policy is saved. Publish it when it is ready.
policy-the-draft-policy-is-saved-2 = The draft policy is saved.

## policy/editor.rs
policy-new-policy = New policy
policy-policy-published = Policy (published)
policy-edit-policy = Edit policy
policy-description = Description
policy-policy-id = Policy id
policy-state = State
policy-deactivated = Deactivated
policy-start-from-the-template-of = Start from the template of:
policy-the-policy-does-not-meet = The policy does not meet its schema: see the list beside the document.
policy-policy-document = Policy document
policy-policy-type = Policy type
policy-policy-document-json = Policy document (JSON)
policy-json-valid = The document is JSON.
policy-json-invalid = Not JSON yet:
policy-json-layout = Lay out
policy-schema-violations = { $count ->
    [one] { $count } schema violation
   *[other] { $count } schema violations
}
policy-save-draft = Save draft
policy-create-draft = Create draft
policy-all-policies = ← All policies

## policy/groups.rs
groups-no-policy-groups-yet = No policy groups yet.
groups-new-policy-group = New policy group
groups-create-group = Create group
groups-all-policy-groups = ← All policy groups
groups-the-policy-group-is-saved = The policy group is saved.

## policy/policies.rs
policy-group = Group
policy-no-policies-yet = No policies yet.
policy-publish = Publish…
policy-publish-2 = Publish
policy-a-published-policy-cannot-be = A published policy cannot be edited any more; partners of the group can request it.
policy-the-policy-is-published = The policy is published.

## view/confirm.rs
confirm-reason-optional = Reason (optional)
confirm-shown-in-the-confirmation-message = Shown in the confirmation message and written to the service log.

## Sentences with arguments
confirm-reason-given = Reason: { $reason }
requests-confirm-approve = Approve { $what }?
requests-confirm-reject = Reject { $what }?
requests-title-approve = Approve policy request
requests-title-reject = Reject policy request
requests-approve-what = Approve { $what }
requests-what = the request of { $partner } for { $policy }
partners-confirm-deactivate = Deactivate partner { $name } ({ $id })?
partners-confirm-activate = Activate partner { $name } ({ $id })?
partners-title-deactivate = Deactivate partner { $id }
partners-title-activate = Activate partner { $id }
partners-title-partner = Partner { $id }
policy-confirm-publish = Publish policy { $name } (version { $version }) of group { $group }?
policy-confirm-activate = Activate policy { $name } (version { $version }) of group { $group }?
policy-confirm-deactivate = Deactivate policy { $name } (version { $version }) of group { $group }?
policy-title-publish = Publish policy { $name }
policy-title-activate = Activate policy { $name }
policy-title-deactivate = Deactivate policy { $name }
misp-confirm-reject = Reject MISP { $name } ({ $id })?
misp-confirm-deactivate = Deactivate MISP { $name } ({ $id })?
misp-title-reject = Reject MISP { $name }
misp-title-deactivate = Deactivate MISP { $name }
signup-code-valid-until = It is valid until { $when }.
signup-code-sent = We sent a code to { $email }.
signup-new-code-sent = We sent a new code to { $email }.
groups-created = Policy group { $name } created.
keys-generated = API key { $label } is generated.
clients-saved = Saved: the client is { $status }.
form-too-large = The form is larger than { $kib } KiB.
notices-dismissed = The notification is dismissed.

## notices.rs
notices-root-ca-expires = The root CA certificate { $subject } expires on { $when }.
notices-intermediate-ca-expires = The intermediate CA certificate { $subject } expires on { $when }.
notices-certificate-expires = The certificate { $subject } expires on { $when }.
notices-of-partner = Partner: { $partner }.
notices-domain = Domain: { $domain }.
notices-api-key-expires = API key { $key } for policy { $policy } expires on { $when }.
notices-weekly-summary = Weekly summary: { $count ->
    [one] { $count } certificate expires soon.
   *[other] { $count } certificates expire soon.
}
notices-none = No notifications.
notices-partner = Partner { $partner }
notices-dismiss = Dismiss

## device/approvals.rs sentences
approvals-sbi-details = hash { $hash }; valid { $valid }
approvals-question = { $decision ->
    [approve] Approve
   *[reject] Reject
} this { $kind ->
    [sbi] secure biometric interface
    [device] device detail
   *[chip] FTM chip
}?
approvals-title = { $decision ->
    [approve] Approve
   *[reject] Reject
} a { $kind ->
    [sbi] secure biometric interface
    [device] device detail
   *[chip] FTM chip
}
approvals-yes = { $decision ->
    [approve] Yes, approve
   *[reject] Yes, reject
}

## Outcomes
misp-status-decided = { $status ->
    [approved] The MISP is approved.
    [rejected] The MISP is rejected.
   *[other] The MISP's registration is updated.
}
misp-activity-changed = { $status ->
    [active] The MISP is activated.
   *[other] The MISP is deactivated.
}
requests-decided = { $status ->
    [approved] The policy request is approved.
   *[other] The policy request is rejected.
}
partners-status-changed = { $status ->
    [active] The partner is activated.
   *[other] The partner is deactivated.
}
policy-status-changed = { $status ->
    [active] The policy is activated.
   *[other] The policy is deactivated.
}
approvals-decided = { $decision ->
    [approve] Approved: it can be used now.
   *[reject] Rejected.
}
policies-request-sent = Your request is sent; an administrator will review it.
certs-ca-uploaded = The certificate is uploaded.
signup-registered = Partner { $id } is registered (status { $status }). Log in with your user name and password.
clients-policy-claims-acr = Policy { $policy }; claims { $claims }; ACR { $acr }
requests-reject-what = Reject { $what }
signup-needs-policy-group = { $kind } (needs a policy group)
sbis-choice = { $version } (expires { $expires })

## The audit log: each event in plain words (event-<Event>)
event-RegisterPartner = Register partner
event-RequestPartnerKey = Request partner key
event-RegisterPartnerSuccess = Register partner success
event-PartnerKeyCreated = Partner key created
event-CreateApiKey = Create api key
event-CreateBiometrics = Create biometrics
event-CreatePolicyMapping = Create policy mapping
event-UpsertContact = Upsert contact
event-GetPartner = Get partner
event-GetApiKey = Get api key
event-GetCertificate = Get certificate
event-ApiKeyApproved = Api key approved
event-BiometricsCreated = Biometrics created
event-PolicyMappingCreated = Policy mapping created
event-ContactUpserted = Contact upserted
event-GetPartnerSuccess = Get partner success
event-GetApiKeySuccess = Get api key success
event-GetCertificateSuccess = Get certificate success
event-InvalidEmailOnCreate = Invalid email on create
event-InvalidEmailOnUpdate = Invalid email on update
event-PartnerAlreadyRegistered = Partner already registered
event-OrganisationAlreadyRegistered = Organisation already registered
event-PolicyGroupMissing = Policy group missing
event-PartnerMissing = Partner missing
event-PolicyMappingMissing = Policy mapping missing
event-PartnerTypeNotAllowed = Partner type not allowed
event-EmailNotAllowed = Email not allowed
event-CertificateUploadFailed = Certificate upload failed
event-CaCertificateUploadFailed = Ca certificate upload failed
event-CreatePolicyGroup = Create policy group
event-GetPolicyGroup = Get policy group
event-UpdatePolicyGroup = Update policy group
event-CreatePolicy = Create policy
event-GetPolicy = Get policy
event-UpdatePolicy = Update policy
event-CreatePolicyGroupSuccess = Create policy group success
event-GetPolicyGroupSuccess = Get policy group success
event-UpdatePolicyGroupSuccess = Update policy group success
event-CreatePolicySuccess = Create policy success
event-GetPolicySuccess = Get policy success
event-UpdatePolicySuccess = Update policy success
event-CreatePolicyGroupFailure = Create policy group failure
event-GetPolicyGroupFailure = Get policy group failure
event-UpdatePolicyGroupFailure = Update policy group failure
event-CreatePolicyFailure = Create policy failure
event-GetPolicyFailure = Get policy failure
event-UpdatePolicyFailure = Update policy failure
event-RegisterMisp = Register misp
event-RegisterMispSuccess = Register misp success
event-MispCreated = Misp created
event-GenerateMispId = Generate misp id
event-MispDetailsCreated = Misp details created
event-ProcessMispStatus = Process misp status
event-ValidateMispId = Validate misp id
event-RejectedMispNoLicense = Rejected misp no license
event-UpdateMispLicenseStatus = Update misp license status
event-UpdateMisp = Update misp
event-MispUpdated = Misp updated
event-ValidateLicenseKey = Validate license key
event-FetchLicenseKeyDetails = Fetch license key details
event-LicenseKeyState = License key state
event-UpdateMispStatus = Update misp status
event-MispActiveState = Misp active state
event-UpdateLicenseKeyStatus = Update license key status
event-ProcessMispStatusSuccess = Process misp status success
event-MispStatusProcessed = Misp status processed
event-MispActiveStateUpdated = Misp active state updated
event-UpdateMispSuccess = Update misp success
event-ValidateLicenseKeySuccess = Validate license key success
event-UpdateMispStatusSuccess = Update misp status success
event-MispInvalidEmailOnCreate = Misp invalid email on create
event-MispInvalidEmailOnUpdate = Misp invalid email on update
event-MispNameTakenOnUpdate = Misp name taken on update
event-MispNameTakenOnCreate = Misp name taken on create
event-MispStatusNotApprovedOrRejected = Misp status not approved or rejected
event-MispStatusException = Misp status exception
event-MispDeactivatedCannotApprove = Misp deactivated cannot approve
event-LicenseKeyNotFound = License key not found
event-LicenseKeyStatusInvalid = License key status invalid
event-MispActiveStatusInvalid = Misp active status invalid
event-RequeueEvents = Requeue events
event-RequeueEventsSuccess = Requeue events success
event-Republish = Republish
event-RepublishSuccess = Republish success
event-SealSigningKeys = Seal signing keys
event-SealSigningKeysSuccess = Seal signing keys success
event-CreateOidcClient = Create oidc client
event-CreateOidcClientFailure = Create oidc client failure
event-UpdateOidcClient = Update oidc client
event-UpdateOidcClientFailure = Update oidc client failure
event-GetOidcClientFailure = Get oidc client failure
event-CreateDevice = Create device
event-CreateDeviceFailure = Create device failure
event-CreateDeviceSuccess = Create device success
event-UpdateDevice = Update device
event-UpdateDeviceSuccess = Update device success
event-UpdateDeviceFailure = Update device failure
event-CreateSbi = Create sbi
event-SaveSbiSuccess = Save sbi success
event-UpdateSbi = Update sbi
event-SbiFailure = Sbi failure
event-UploadFtmCertificate = Upload ftm certificate
event-SaveUserConsent = Save user consent
event-SaveUserConsentSuccess = Save user consent success
event-LoginRefused = Login refused
event-LoginLocked = Login locked
event-OtpVerifyThrottled = Otp verify throttled
event-OtpSendThrottled = Otp send throttled
event-DismissNotification = Dismiss notification
event-DismissNotificationSuccess = Dismiss notification success
event-SaveNotificationsSeen = Save notifications seen
event-SaveNotificationsSeenSuccess = Save notifications seen success
event-ExpiredApiKeySwitchedOff = Expired api key switched off
event-ExpiredLicenseSwitchedOff = Expired license switched off
keys-no-such-key = There is no such API key.
keys-confirm-deactivate = Switch off the API key { $label } of policy { $policy }?
keys-deactivate-key = Switch the key off
keys-a-switched-off-key = Requests made with this key are refused from now on; an administrator can switch it on again.
keys-title-deactivate = Switch off API key { $label }
groups-confirm-deactivate = Deactivate policy group { $name }?
groups-deactivate-group = Deactivate the group
groups-a-deactivated-group = { $count ->
    [one] Its policy can no longer be requested by partners while the group is inactive.
   *[other] Its { $count } policies can no longer be requested by partners while the group is inactive.
}
groups-title-deactivate = Deactivate policy group { $name }
copy-copy = Copy
copy-copied = Copied
table-filter-label = Search this list
table-filter = Search
table-clear = Clear
table-nothing-matches = Nothing in this list matches the search.
keys-search-label = Label contains
keys-search-partner-label = Partner name contains
requests-search-policy-label = Policy name contains
sbis-search-label = Version contains
devices-search-label = Make contains
clients-search-label = Client name contains
trust-search-label = Issued to contains

## MOSIP's master data in words (looked up by code; a code without a message shows the store's text)
partner-type-Auth_Partner = Auth Partner
partner-type-Device_Provider = Device Provider
partner-type-Credential_Partner = Credential Partner
partner-type-Partner_Admin = Partner Admin
partner-type-FTM_Provider = FTM Provider
partner-type-Online_Verification_Partner = Online Verification Partner
partner-type-ABIS_Partner = ABIS Partner
partner-type-Manual_Adjudication = Manual Adjudication
partner-type-MISP_Partner = MISP Partner
partner-type-Internal_Partner = Internal Partner
partner-type-SDK_Partner = SDK Partner
partner-type-Print_Partner = Print Partner
partner-type-Binding_Partner = Binding Partner
policy-type-Auth = Authentication
policy-type-DataShare = Data share
policy-type-CredentialIssuance = Credential issuance
device-type-Finger = Fingerprint
device-type-Face = Face
device-type-Iris = Iris
