# Les messages du portail partenaires en français. Un message absent ici est affiché en anglais.

language-name = Français

## Le cadre des pages
page-title = { $title } · Portail de gestion des partenaires
skip-to-content = Aller au contenu
brand = Gestion des partenaires
session-ended = Votre session a expiré. Veuillez vous reconnecter.
footer = Gestion des partenaires MOSIP · { $version }
picker-language = Langue
picker-time-zone = Fuseau horaire
picker-time-zone-auto = Celui de mon navigateur
picker-apply = Appliquer

## Navigation
nav-breadcrumbs = Vous êtes ici
nav-main = Principal
nav-home = Accueil
nav-profile = Profil
nav-certificates = Certificats
nav-policies = Politiques
nav-api-keys = Clés d’API
nav-oidc-clients = Clients OIDC
nav-extractors = Extracteurs
nav-licence = Licence
nav-sbis = SBI
nav-devices = Appareils
nav-ftm-chips = Puces FTM
nav-partners = Partenaires
nav-policy-requests = Demandes de politique
nav-ca-certificates = Certificats d’AC
nav-misps = MISP
nav-device-approvals = Approbation des appareils
nav-policy-groups = Groupes de politiques
nav-audit = Audit
nav-notifications = Notifications
nav-unseen = { $count } non lues
nav-log-out = Se déconnecter
nav-log-in = Se connecter
nav-sign-up = S’inscrire

## Dates et échéances
date-time = { $day } { $month } { $year }, { $time } ({ $zone })
month-1 = janv.
month-2 = févr.
month-3 = mars
month-4 = avr.
month-5 = mai
month-6 = juin
month-7 = juil.
month-8 = août
month-9 = sept.
month-10 = oct.
month-11 = nov.
month-12 = déc.
expiry-expired = expiré
expiry-in-days = { $days ->
    [0] expire aujourd’hui
    [one] expire dans { $days } jour
   *[other] expire dans { $days } jours
}

## Erreurs
error-title-forbidden = Action non autorisée
error-title-not-found = Introuvable
error-title-log-in = Veuillez vous connecter
error-title-server = Une erreur s’est produite
error-title-refused = Demande refusée
error-back-home = Retour à l’accueil du portail
error-refused-list = La demande a été refusée :
error-field = { $field } : { $problem }
problem-required = doit être renseigné

## Les codes d’erreur de MOSIP en clair (le code reste affiché à côté)
error-KER-ATH-401 = Veuillez vous connecter pour effectuer cette action.
error-KER-ATH-403 = Votre compte n’est pas autorisé à effectuer cette action.
error-PMS_COR_003 = Une erreur s’est produite de notre côté. Veuillez réessayer plus tard.
error-PMS_COR_404 = Cette page n’existe pas.
error-PMS_POR_001 = Le formulaire a expiré ou a été envoyé depuis un autre site. Veuillez réessayer.
error-PMS_POR_002 = Le formulaire n’a pas pu être lu.
error-PMS_PRT_005 = Aucun partenaire ne porte cet identifiant.
error-PMS_PRT_011 = Un partenaire est déjà inscrit avec cette adresse e-mail.
error-PMS_PRT_012 = Cette adresse e-mail n’est pas valide.
error-PMS_PRT_051 = Un partenaire avec cet identifiant existe déjà.
error-PMS_PRT_053 = Une demande pour cette politique attend déjà une approbation.
error-PMS_PRT_066 = Un identifiant de partenaire ne peut pas contenir d’espaces.
error-PMS_PRT_108 = Téléversez d’abord votre certificat de partenaire.
error-PMS_PRT_110 = Une clé d’API avec ce libellé existe déjà.
error-PMS_PMP_016 = Le partenaire n’est pas actif.
error-PMS_PMP_019 = La politique n’est pas active.
error-PMS_PM_034 = Cette demande a déjà été approuvée.
error-PMS_PM_035 = Cette demande a déjà été rejetée.
error-PMS_POL_008 = Cette politique n’existe pas.
error-PMS_POL_016 = Ce groupe de politiques n’existe pas.
error-PMS_POL_020 = Cette politique est déjà publiée.
error-PMS_POL_055 = Une politique publiée ne peut pas être modifiée.
error-KER-PCM-001 = Ce fichier n’est pas un certificat. Téléversez un certificat X.509 au format PEM (Base64), commençant par -----BEGIN CERTIFICATE-----, ou un lot PKCS#7 de tels certificats.
error-KER-KMS-013 = Ce fichier n’est pas un certificat. Téléversez un certificat X.509 au format PEM (Base64), commençant par -----BEGIN CERTIFICATE-----, ou un lot PKCS#7 de tels certificats.
error-KER-CRY-003 = Ce fichier n’est pas un certificat. Téléversez un certificat X.509 au format PEM (Base64), commençant par -----BEGIN CERTIFICATE-----, ou un lot PKCS#7 de tels certificats.
error-KER-PCM-003 = Ce certificat a déjà été téléversé.
error-KER-PCM-004 = Le certificat n’est pas valide aujourd’hui : vérifiez ses dates de validité.
error-KER-PCM-005 = L’AC racine du certificat n’a pas été téléversée par les administrateurs.
error-KER-PCM-006 = La chaîne de confiance du certificat est introuvable : son AC émettrice n’a pas été téléversée.
error-KER-PCM-008 = L’organisation du certificat ne correspond pas à celle du partenaire.
error-KER-PCM-013 = La clé du certificat est trop courte.
error-KER-PCM-014 = L’algorithme de signature du certificat n’est pas accepté.
error-PMS_ONB_001 = Ce domaine de messagerie ne peut pas s’inscrire seul.
error-PMS_ONB_002 = Ce type de partenaire ne peut pas s’inscrire seul.
error-PMS_ONB_003 = Un code vient d’être envoyé. Vous pourrez en demander un nouveau dans { $n } secondes.
error-PMS_ONB_004 = Trop de codes ont été demandés pour cette adresse e-mail. Réessayez dans { $n } minutes.
error-PMS_ONB_006 = Le code est incorrect. { $n ->
    [one] Il reste une tentative.
   *[other] Il reste { $n } tentatives.
}
error-PMS_ONB_010-short = Le mot de passe est trop court : utilisez au moins { $n } caractères.
error-PMS_ONB_010-long = Le mot de passe est trop long : utilisez au plus { $n } caractères.
error-PMS_ONB_010-empty = Veuillez choisir un mot de passe.
error-PMS_ONB_010-control = Le mot de passe ne peut pas contenir de caractères de contrôle.
error-PMS_ONB_010-name = Le mot de passe ne peut pas contenir le nom d’utilisateur ni l’adresse e-mail.
error-PMS_ONB_010-easy = Le mot de passe est trop facile à deviner. Choisissez-en un plus long, avec des caractères plus variés.
error-PMS_ONB_012 = La connexion ici n’est pas disponible : connectez-vous avec votre fournisseur d’identité.
error-PMS_ONB_015 = Trop d’échecs de connexion. Réessayez dans { $n } secondes.
error-PMS_ONB_016 = Trop de codes demandés ou de codes erronés. Réessayez dans { $n } secondes.
error-PMS_PRT_013 = Ce numéro de téléphone est trop long : il doit compter moins de { $n } caractères.
error-PMS_ONB_005 = Cette inscription est inconnue ou terminée. Veuillez recommencer.
error-PMS_ONB_007 = Le code a expiré. Demandez-en un nouveau.
error-PMS_ONB_008 = Trop de codes erronés. Demandez-en un nouveau.
error-PMS_ONB_009 = Cette inscription est déjà terminée. Veuillez vous connecter.
error-PMS_ONB_011 = Le nom d’utilisateur ou le mot de passe est incorrect.
error-PMS_ONB_013 = Le code doit être composé des chiffres qui vous ont été envoyés.

## Statuts
status-active = Actif
status-inactive = Inactif
status-pending = En attente
status-certificate-needed = Certificat requis
status-approved = Approuvé
status-rejected = Rejeté
status-published = Publiée
status-draft = Brouillon
status-expired = Expiré
status-dismissed = Ignorée

## Pages de résultats
pager-label = Pages
pager-previous = ← Précédente
pager-next = Suivante →
pager-position = Page { $page } sur { $pages } · { $total } au total

## partner/dashboard.rs
home-partners-of-this-mosip-deployment = Les partenaires de ce déploiement MOSIP s’inscrivent ici, téléversent leurs certificats, demandent des politiques et gèrent leurs clés d’API. Les administrateurs approuvent les partenaires et les demandes de politique ; les gestionnaires de politiques publient les politiques.
home-sign-up-as-a-partner = S’inscrire comme partenaire
home-welcome = Bienvenue
home-your-partner-account-has-been = Votre compte partenaire a été désactivé par un administrateur.
home-your-api-keys-and-licence = Vos clés d’API et de licence ne fonctionnent plus, et vous ne pouvez plus demander de politiques. Contactez votre administrateur pour faire réactiver le compte.
home-what-to-do-next = Prochaines étapes
home-upload-your-certificate = Téléverser votre certificat
home-your-partner-certificate-signed-by = Votre certificat de partenaire, signé par une AC téléversée par les administrateurs, active votre compte.
home-request-a-policy = Demander une politique
home-ask-to-use-a-policy = Demandez à utiliser une politique de votre groupe de politiques.
home-wait-for-approval = Attendre l’approbation
home-an-administrator-reviews-your-request = Un administrateur examine votre demande.
home-generate-an-api-key = Générer une clé d’API
home-create-a-key-for-an = Créez une clé pour une politique approuvée.
home-get-your-licence-key = Obtenir votre clé de licence
home-generate-and-download-your-misp = Générez et téléchargez votre clé de licence MISP.
home-register-your-sbis-and-devices = Enregistrer vos SBI et vos appareils
home-add-your-secure-biometric-interfaces = Ajoutez vos interfaces biométriques sécurisées ainsi que les marques et modèles de vos appareils, faites-les approuver, puis ajoutez les appareils aux SBI.
home-register-your-ftm-chips = Enregistrer vos puces FTM
home-add-each-chip-and-upload = Ajoutez chaque puce et téléversez son certificat pour approbation.
home-dashboard = Tableau de bord
home-partner-id = Identifiant du partenaire
home-status = Statut
home-partner-type = Type de partenaire
home-policy-group = Groupe de politiques
home-e-mail = E-mail
home-to-do = à faire
home-done = fait
home-search-inspect-activate-and-deactivate = Rechercher, consulter, activer et désactiver des partenaires.
home-approve-or-reject-what-partners = Approuver ou rejeter les demandes des partenaires.
home-activate-or-deactivate-partners-keys = Activer ou désactiver les clés des partenaires.
home-upload-the-cas-partner-certificates = Téléverser les AC auxquelles se rattachent les certificats des partenaires.
home-approve-misps-and-manage-their = Approuver les MISP et gérer leurs clés de licence.
home-approve-or-reject-sbis-device = Approuver ou rejeter les SBI, les détails d’appareils et les puces FTM.
home-create-and-edit-policy-groups = Créer et modifier des groupes de politiques.
home-draft-publish-activate-and-deactivate = Rédiger, publier, activer et désactiver des politiques.
home-every-action-newest-first = Toutes les actions, les plus récentes d’abord.
home-administration = Administration
home-waiting = { $count ->
    [one] 1 en attente de votre décision
   *[other] { $count } en attente de votre décision
}
home-waiting-unknown = Impossible de compter ce qui est en attente.

## admin/audit.rs
audit-event-id = Identifiant d’événement
audit-reference-id = Identifiant de référence
audit-user = Utilisateur
audit-from = Du ({ $zone })
audit-to = Au ({ $zone })
audit-show-reads-too = Afficher aussi les lectures
audit-filter = Filtrer
audit-time = Date
audit-what-happened = Événement
audit-by = Par
audit-to-what = Sur quoi
audit-outcome = Résultat
audit-refused = Refusé
audit-done = Effectué
audit-no-audit-record-matches = Aucun enregistrement d’audit ne correspond.
audit-audit-log = Journal d’audit

## admin/partners.rs
partners-any-type = Tous les types
partners-any-status = Tous les statuts
partners-name-contains = Le nom contient
partners-search = Rechercher
partners-partner = Partenaire
partners-organisation = Organisation
partners-type = Type
partners-approval = Approbation
partners-no-partner-matches = Aucun partenaire ne correspond.
partners-phone = Téléphone
partners-address = Adresse
partners-certificate = Certificat
partners-deactivate-partner = Désactiver le partenaire…
partners-activate-partner = Activer le partenaire
partners-deactivate = Désactiver
partners-activate = Activer
partners-deactivate-partner-2 = Désactiver le partenaire
partners-the-partner-can-no-longer = Le partenaire ne pourra plus utiliser ses clés d’API ; il en verra la raison à sa prochaine connexion.

## admin/requests.rs
requests-policy = Politique
requests-use = Usage
requests-requested = Demandée le
requests-decision = Décision
requests-approve = Approuver
requests-reject = Rejeter…
requests-no-requests = Aucune demande.
requests-reject-2 = Rejeter
requests-approve-request = Approuver la demande
requests-reject-request = Rejeter la demande
requests-all = Toutes
requests-show = Afficher

## admin/trust.rs
trust-uploaded-ca-and-intermediate-certificates = Certificats d’AC et intermédiaires téléversés
trust-none-uploaded-yet = Aucun certificat téléversé pour l’instant.
trust-domain = Domaine
trust-issued-to = Délivré à
trust-issued-by = Délivré par
trust-valid-until = Valide jusqu’au
trust-uploaded = Téléversé le
trust-root = Racine
trust-intermediate = Intermédiaire

## auth/mod.rs
login-user-name = Nom d’utilisateur
login-password = Mot de passe
login-new-partner = Nouveau partenaire ?
login-send-your-form-again = Renvoyez votre formulaire
login-you-are-logged-out = Vous êtes déconnecté.

## auth/resend.rs
signup-fill-in-the-sign-up = Remplissez à nouveau le formulaire d’inscription pour obtenir un nouveau code.

## auth/resume.rs
resume-what-you-typed-kept = Ce que vous avez saisi (conservé)
resume-your-session-has-ended-log = Votre session a expiré. Reconnectez-vous : ce que vous avez saisi est conservé, et vous pourrez l’envoyer une fois connecté.
resume-log-in-again = Se reconnecter
resume-you-are-logged-in-again = Vous êtes de nouveau connecté. Envoyez maintenant votre formulaire ; rien n’a encore été envoyé.
resume-send-again = Renvoyer

## auth/signup.rs
signup-none = — aucun —
signup-register-your-organisation-we-e = Inscrivez votre organisation. Nous vous envoyons par e-mail un code à usage unique pour confirmer l’adresse ; vous choisissez ensuite votre mot de passe.
signup-user-name-your-partner-id = Nom d’utilisateur (votre identifiant de partenaire)
signup-letters-digits-no-spaces-you = Lettres et chiffres, sans espaces ; il vous sert à vous connecter.
signup-contact-number = Numéro de téléphone
signup-send-me-the-code = Envoyez-moi le code
signup-already-registered = Déjà inscrit ?
signup-enter-the-six-digit-code = Saisissez le code à six chiffres reçu par e-mail et choisissez votre mot de passe.
signup-registration-id = Identifiant d’inscription
signup-code-from-the-e-mail = Code reçu par e-mail
signup-at-least-10-characters-not = Au moins 10 caractères, différent de votre nom d’utilisateur et de votre e-mail.
signup-repeat-the-password = Répétez le mot de passe
signup-complete-sign-up = Terminer l’inscription
signup-no-code-or-it-expired = Pas de code, ou il a expiré ?
signup-send-a-new-code = Envoyer un nouveau code
signup-confirm-your-e-mail = Confirmez votre e-mail
signup-does-not-repeat-the-password = ne correspond pas au mot de passe

## certs.rs
certs-your-certificate-is-uploaded = Votre certificat est téléversé.
certs-validity = valide du { $from } au { $to } ({ $expiry })
certs-none-uploaded = aucun certificat téléversé
certs-subject = Sujet
certs-issuer = Émetteur
certs-valid-from = Valide à partir du
certs-your-certificate = Votre certificat
certs-no-certificate-uploaded-yet = Aucun certificat téléversé pour l’instant.
certs-upload-a-certificate = Téléverser un certificat
certs-a-pem-base64-x-509 = Un certificat X.509 au format PEM (Base64) pour votre organisation, délivré par une AC téléversée par les administrateurs.
certs-certificate-file = Fichier du certificat
certs-upload = Téléverser
certs-upload-a-ca-or-sub = Téléverser un certificat d’AC ou de sous-AC
certs-a-pem-certificate-or-a = Un certificat PEM, ou un lot PKCS#7 de certificats. Les certificats des partenaires doivent se rattacher à une racine téléversée.

## device/approvals.rs
approvals-certificate-uploaded = certificat téléversé
approvals-no-certificate = aucun certificat
approvals-what = Objet
approvals-details = Détails
approvals-nothing-waits-for-approval = Rien n’attend d’approbation.
approvals-secure-biometric-interfaces-device-details = Interfaces biométriques sécurisées, détails d’appareils et puces FTM en attente de décision (les 20 premiers de chaque, les plus récents d’abord).
approvals-secure-biometric-interfaces = Interfaces biométriques sécurisées
approvals-device-details = Détails d’appareils
approvals-id = Identifiant
approvals-cancel = Annuler

## device/details.rs
devices-make = Marque
devices-model = Modèle
devices-sub-type = Sous-type
devices-no-device-details-yet = Aucun détail d’appareil pour l’instant.
devices-new-device = Nouvel appareil
devices-a-make-and-model-of = Une marque et un modèle d’un type d’appareil ; il attend l’approbation d’un administrateur des partenaires.
devices-there-are-no-device-types = Il n’y a encore aucun type d’appareil : demandez à un administrateur d’importer les types d’appareils de MOSIP.
devices-type-and-sub-type = Type et sous-type
devices-add-the-device = Ajouter l’appareil
devices-the-device-is-added-it = L’appareil est ajouté ; il attend l’approbation.

## device/ftm.rs
ftm-no-ftm-chips-yet = Aucune puce FTM pour l’instant.
ftm-replace-the-certificate = Remplacer le certificat
ftm-upload-the-certificate = Téléverser le certificat
ftm-organisation-the-certificate-s-o = Organisation (le champ O du certificat)
ftm-certificate-file-pem = Fichier du certificat (PEM)
ftm-or-paste-it-pem = …ou collez-le (PEM)
ftm-uploaded = téléversé ·
ftm-download = Télécharger
ftm-not-uploaded = non téléversé
ftm-new-ftm-chip = Nouvelle puce FTM
ftm-upload-its-certificate-next-a = Téléversez ensuite son certificat ; un administrateur des partenaires l’approuvera.
ftm-add-the-chip = Ajouter la puce
ftm-the-chip-is-added-upload = La puce est ajoutée ; téléversez maintenant son certificat.
ftm-the-chip-s-certificate-is = Le certificat de la puce est téléversé ; il attend l’approbation.

## device/mod.rs
devices-approved-inactive = approuvé, inactif

## device/sbis.rs
sbis-version = Version
sbis-binary-hash = Empreinte du binaire
sbis-created = Créée le
sbis-expires = Expire le
sbis-no-secure-biometric-interfaces-yet = Aucune interface biométrique sécurisée pour l’instant.
sbis-new-secure-biometric-interface = Nouvelle interface biométrique sécurisée
sbis-it-waits-for-a-partner = Elle attend l’approbation d’un administrateur des partenaires avant que des appareils puissent lui être ajoutés.
sbis-software-version = Version du logiciel
sbis-software-binary-hash = Empreinte du binaire du logiciel
sbis-created-on = Créée le
sbis-today-or-earlier = Aujourd’hui ou avant.
sbis-expires-on = Expire le
sbis-after-today = Après aujourd’hui.
sbis-add-the-sbi = Ajouter la SBI
sbis-add-a-device-to-an = Ajouter un appareil à une SBI
sbis-both-must-be-approved-the = Les deux doivent être approuvés ; la SBI ne doit pas avoir expiré.
sbis-you-need-an-approved-sbi = Il vous faut d’abord une SBI approuvée et un appareil approuvé.
sbis-sbi = SBI
sbis-device = Appareil
sbis-the-sbi-is-added-it = La SBI est ajoutée ; elle attend l’approbation.
sbis-the-device-is-added-to = L’appareil est ajouté à la SBI.

## forms.rs
form-the-file-is-not-text = Le fichier n’est pas du texte : téléversez un certificat PEM (Base64).
form-the-form-has-expired-or = Le formulaire a expiré ou ne provient pas de ce portail ; rechargez la page et réessayez.

## misp/confirm.rs
misp-its-licence-keys-stop-working = Ses clés de licence cessent de fonctionner.
misp-registration = Inscription
misp-id = Identifiant du MISP
misp-keys = Clés de licence
misp-owner = Propriétaire

## misp/licence.rs
licence-licence-key = Clé de licence
licence-valid-to = Valide jusqu’au
licence-download-the-current-key = Télécharger la clé actuelle
licence-no-licence-key-yet = Aucune clé de licence pour l’instant.
licence-generate-a-licence-key = Générer une clé de licence
licence-your-first-licence-key-it = Votre première clé de licence ; elle est renouvelée à son expiration.
licence-generate = Générer
licence-your-licence-key-is-generated = Votre clé de licence est générée.

## misp/misps.rs
misp-no-misps-yet = Aucun MISP pour l’instant.
misp-deactivate = Désactiver…
misp-actions = Actions
misp-switch-off = Désactiver
misp-switch-on = Activer
misp-misp-partners-licence-through-the = Partenaires MISP (licence via l’API MOSIP 1.2)
misp-the-licence-key-is-switched = L’état de la clé de licence est modifié.

## partner/clients.rs
clients-client = Client
clients-no-oidc-clients-yet = Aucun client OIDC pour l’instant.
clients-new-oidc-client = Nouveau client OIDC
clients-you-need-an-approved-policy = Il vous faut d’abord une politique approuvée :
clients-request-one = en demander une
clients-name = Nom
clients-approved-policy = Politique approuvée
clients-public-key-jwk-rsa-at = Clé publique (JWK, RSA, au moins 2048 bits)
clients-logo-url = URL du logo
clients-redirect-uris-one-per-line = URI de redirection (une par ligne)
clients-create = Créer
clients-oidc-client-created = Client OIDC créé.
clients-oidc-client = Client OIDC
clients-client-id = Identifiant du client
clients-save = Enregistrer
clients-deactivate-final = Désactiver (définitif)

## partner/extractors.rs
extractors-extractors-belong-to-a-policy = Les extracteurs sont rattachés à une demande de politique :
extractors-request-a-policy = demandez une politique
extractors-first = d’abord.
extractors-none-for-this-policy-yet = Aucun pour cette politique pour l’instant.
extractors-attribute = Attribut
extractors-biometric = Biométrie
extractors-provider = Fournisseur
extractors-add-or-replace-an-extractor = Ajouter ou remplacer un extracteur
extractors-extractors-can-change-until-the = Les extracteurs peuvent être modifiés jusqu’à l’approbation de la demande.
extractors-attribute-name = Nom de l’attribut
extractors-biometric-e-g-face-iris = Biométrie (par ex. face, iris, finger[Left Thumb])
extractors-extractor-provider = Fournisseur de l’extracteur
extractors-provider-version = Version du fournisseur
extractors-save-extractor = Enregistrer l’extracteur
extractors-biometric-extractors = Extracteurs biométriques
extractors-the-extractor-is-saved = L’extracteur est enregistré.

## partner/keys.rs
keys-ready = La clé d’API { $label } est prête. Copiez-la maintenant : elle ne sera plus affichée.
keys-label = Libellé
keys-a-name-you-recognise-the = Un nom qui vous permet de reconnaître la clé, unique pour chaque politique.
keys-your-keys = Vos clés
keys-no-keys-yet = Aucune clé pour l’instant.

## partner/policies.rs
policies-your-partner-type-uses-no = Votre type de partenaire n’utilise pas de politiques.
policies-policies-of-your-group = Politiques de votre groupe
policies-no-policy-of-your-group = Aucune politique de votre groupe n’est encore active.
policies-policy-name = Nom de la politique
policies-what-you-will-use-it = Ce pour quoi vous l’utiliserez
policies-send-the-request = Envoyer la demande
policies-your-requests = Vos demandes
policies-no-requests-yet = Aucune demande pour l’instant.

## partner/profile.rs
profile-contacts = Contacts
profile-no-further-contacts-yet = Aucun autre contact pour l’instant.
profile-add-or-update-a-contact = Ajouter ou mettre à jour un contact
profile-edit-contact = Modifier
profile-save-contact = Enregistrer le contact
profile-your-details-are-saved = Vos informations sont enregistrées.
profile-the-contact-is-saved = Le contact est enregistré.

## policy/drafts.rs
policy-the-draft-policy-is-saved = Le brouillon de politique est enregistré. Publiez-le lorsqu’il est prêt.
policy-the-draft-policy-is-saved-2 = Le brouillon de politique est enregistré.

## policy/editor.rs
policy-new-policy = Nouvelle politique
policy-policy-published = Politique (publiée)
policy-edit-policy = Modifier la politique
policy-description = Description
policy-policy-id = Identifiant de la politique
policy-state = État
policy-deactivated = Désactivée
policy-start-from-the-template-of = Partir du modèle de :
policy-the-policy-does-not-meet = La politique ne respecte pas son schéma : voir la liste à côté du document.
policy-policy-document = Document de la politique
policy-policy-type = Type de politique
policy-policy-document-json = Document de la politique (JSON)
policy-json-valid = Le document est du JSON.
policy-json-invalid = Pas encore du JSON :
policy-json-layout = Mettre en forme
policy-schema-violations = { $count ->
    [one] { $count } violation du schéma
   *[other] { $count } violations du schéma
}
policy-save-draft = Enregistrer le brouillon
policy-create-draft = Créer le brouillon
policy-all-policies = ← Toutes les politiques

## policy/groups.rs
groups-no-policy-groups-yet = Aucun groupe de politiques pour l’instant.
groups-new-policy-group = Nouveau groupe de politiques
groups-create-group = Créer le groupe
groups-all-policy-groups = ← Tous les groupes de politiques
groups-the-policy-group-is-saved = Le groupe de politiques est enregistré.

## policy/policies.rs
policy-group = Groupe
policy-no-policies-yet = Aucune politique pour l’instant.
policy-publish = Publier…
policy-publish-2 = Publier
policy-a-published-policy-cannot-be = Une politique publiée ne peut plus être modifiée ; les partenaires du groupe peuvent la demander.
policy-the-policy-is-published = La politique est publiée.

## view/confirm.rs
confirm-reason-optional = Motif (facultatif)
confirm-shown-in-the-confirmation-message = Affiché dans le message de confirmation et inscrit dans le journal du service.

## Phrases avec arguments
confirm-reason-given = Motif : { $reason }
requests-confirm-approve = Approuver { $what } ?
requests-confirm-reject = Rejeter { $what } ?
requests-title-approve = Approuver la demande de politique
requests-title-reject = Rejeter la demande de politique
requests-approve-what = Approuver { $what }
requests-what = la demande de { $partner } pour { $policy }
partners-confirm-deactivate = Désactiver le partenaire { $name } ({ $id }) ?
partners-confirm-activate = Activer le partenaire { $name } ({ $id }) ?
partners-title-deactivate = Désactiver le partenaire { $id }
partners-title-activate = Activer le partenaire { $id }
partners-title-partner = Partenaire { $id }
policy-confirm-publish = Publier la politique { $name } (version { $version }) du groupe { $group } ?
policy-confirm-activate = Activer la politique { $name } (version { $version }) du groupe { $group } ?
policy-confirm-deactivate = Désactiver la politique { $name } (version { $version }) du groupe { $group } ?
policy-title-publish = Publier la politique { $name }
policy-title-activate = Activer la politique { $name }
policy-title-deactivate = Désactiver la politique { $name }
misp-confirm-reject = Rejeter le MISP { $name } ({ $id }) ?
misp-confirm-deactivate = Désactiver le MISP { $name } ({ $id }) ?
misp-title-reject = Rejeter le MISP { $name }
misp-title-deactivate = Désactiver le MISP { $name }
signup-code-valid-until = Il est valable jusqu’au { $when }.
signup-code-sent = Nous avons envoyé un code à { $email }.
signup-new-code-sent = Nous avons envoyé un nouveau code à { $email }.
groups-created = Groupe de politiques { $name } créé.
keys-generated = La clé d’API { $label } est générée.
clients-saved = Enregistré : le client est { $status }.
form-too-large = Le formulaire dépasse { $kib } Kio.
notices-dismissed = La notification est ignorée.

## notices.rs
notices-root-ca-expires = Le certificat d’AC racine { $subject } expire le { $when }.
notices-intermediate-ca-expires = Le certificat d’AC intermédiaire { $subject } expire le { $when }.
notices-certificate-expires = Le certificat { $subject } expire le { $when }.
notices-of-partner = Partenaire : { $partner }.
notices-domain = Domaine : { $domain }.
notices-api-key-expires = La clé d’API { $key } de la politique { $policy } expire le { $when }.
notices-weekly-summary = Résumé hebdomadaire : { $count ->
    [one] { $count } certificat expire bientôt.
   *[other] { $count } certificats expirent bientôt.
}
notices-none = Aucune notification.
notices-partner = Partenaire { $partner }
notices-dismiss = Ignorer

## device/approvals.rs, phrases
approvals-sbi-details = empreinte { $hash } ; valide { $valid }
approvals-question = { $decision ->
    [approve] Approuver
   *[reject] Rejeter
} { $kind ->
    [sbi] cette interface biométrique sécurisée
    [device] ce détail d’appareil
   *[chip] cette puce FTM
} ?
approvals-title = { $decision ->
    [approve] Approuver
   *[reject] Rejeter
} { $kind ->
    [sbi] une interface biométrique sécurisée
    [device] un détail d’appareil
   *[chip] une puce FTM
}
approvals-yes = { $decision ->
    [approve] Oui, approuver
   *[reject] Oui, rejeter
}

## Résultats
misp-status-decided = { $status ->
    [approved] Le MISP est approuvé.
    [rejected] Le MISP est rejeté.
   *[other] L’inscription du MISP est mise à jour.
}
misp-activity-changed = { $status ->
    [active] Le MISP est activé.
   *[other] Le MISP est désactivé.
}
requests-decided = { $status ->
    [approved] La demande de politique est approuvée.
   *[other] La demande de politique est rejetée.
}
partners-status-changed = { $status ->
    [active] Le partenaire est activé.
   *[other] Le partenaire est désactivé.
}
policy-status-changed = { $status ->
    [active] La politique est activée.
   *[other] La politique est désactivée.
}
approvals-decided = { $decision ->
    [approve] Approuvé : utilisable dès maintenant.
   *[reject] Rejeté.
}
policies-request-sent = Votre demande est envoyée ; un administrateur va l’examiner.
certs-ca-uploaded = Le certificat est téléversé.
signup-registered = Le partenaire { $id } est inscrit (statut { $status }). Connectez-vous avec votre nom d’utilisateur et votre mot de passe.
clients-policy-claims-acr = Politique { $policy } ; attributs { $claims } ; ACR { $acr }
requests-reject-what = Rejeter { $what }
signup-needs-policy-group = { $kind } (nécessite un groupe de politiques)
sbis-choice = { $version } (expire le { $expires })

## Le journal d’audit : chaque événement en clair (event-<Event>)
event-RegisterPartner = Inscription d’un partenaire
event-RequestPartnerKey = Demande de clé de partenaire
event-RegisterPartnerSuccess = Inscription d’un partenaire réussie
event-PartnerKeyCreated = Clé de partenaire créée
event-CreateApiKey = Création d’une clé d’API
event-CreateBiometrics = Création des extracteurs biométriques
event-CreatePolicyMapping = Demande de politique
event-UpsertContact = Enregistrement d’un contact
event-GetPartner = Lecture d’un partenaire
event-GetApiKey = Lecture d’une clé d’API
event-GetCertificate = Lecture d’un certificat
event-ApiKeyApproved = Clé d’API approuvée
event-BiometricsCreated = Extracteurs biométriques créés
event-PolicyMappingCreated = Demande de politique créée
event-ContactUpserted = Contact enregistré
event-GetPartnerSuccess = Lecture d’un partenaire réussie
event-GetApiKeySuccess = Lecture d’une clé d’API réussie
event-GetCertificateSuccess = Lecture d’un certificat réussie
event-InvalidEmailOnCreate = E-mail non valide à la création
event-InvalidEmailOnUpdate = E-mail non valide à la mise à jour
event-PartnerAlreadyRegistered = Partenaire déjà inscrit
event-OrganisationAlreadyRegistered = Organisation déjà inscrite
event-PolicyGroupMissing = Groupe de politiques introuvable
event-PartnerMissing = Partenaire introuvable
event-PolicyMappingMissing = Demande de politique introuvable
event-PartnerTypeNotAllowed = Type de partenaire non autorisé
event-EmailNotAllowed = E-mail non autorisé
event-CertificateUploadFailed = Échec du téléversement d’un certificat
event-CaCertificateUploadFailed = Échec du téléversement d’un certificat d’AC
event-CreatePolicyGroup = Création d’un groupe de politiques
event-GetPolicyGroup = Lecture d’un groupe de politiques
event-UpdatePolicyGroup = Mise à jour d’un groupe de politiques
event-CreatePolicy = Création d’une politique
event-GetPolicy = Lecture d’une politique
event-UpdatePolicy = Mise à jour d’une politique
event-CreatePolicyGroupSuccess = Création d’un groupe de politiques réussie
event-GetPolicyGroupSuccess = Lecture d’un groupe de politiques réussie
event-UpdatePolicyGroupSuccess = Mise à jour d’un groupe de politiques réussie
event-CreatePolicySuccess = Création d’une politique réussie
event-GetPolicySuccess = Lecture d’une politique réussie
event-UpdatePolicySuccess = Mise à jour d’une politique réussie
event-CreatePolicyGroupFailure = Échec de la création d’un groupe de politiques
event-GetPolicyGroupFailure = Échec de la lecture d’un groupe de politiques
event-UpdatePolicyGroupFailure = Échec de la mise à jour d’un groupe de politiques
event-CreatePolicyFailure = Échec de la création d’une politique
event-GetPolicyFailure = Échec de la lecture d’une politique
event-UpdatePolicyFailure = Échec de la mise à jour d’une politique
event-RegisterMisp = Inscription d’un MISP
event-RegisterMispSuccess = Inscription d’un MISP réussie
event-MispCreated = MISP créé
event-GenerateMispId = Génération d’un identifiant de MISP
event-MispDetailsCreated = Détails du MISP créés
event-ProcessMispStatus = Traitement du statut d’un MISP
event-ValidateMispId = Validation d’un identifiant de MISP
event-RejectedMispNoLicense = MISP rejeté : pas de licence
event-UpdateMispLicenseStatus = Mise à jour du statut d’une licence de MISP
event-UpdateMisp = Mise à jour d’un MISP
event-MispUpdated = MISP mis à jour
event-ValidateLicenseKey = Validation d’une clé de licence
event-FetchLicenseKeyDetails = Lecture des détails d’une clé de licence
event-LicenseKeyState = État d’une clé de licence
event-UpdateMispStatus = Mise à jour du statut d’un MISP
event-MispActiveState = Activité d’un MISP
event-UpdateLicenseKeyStatus = Mise à jour du statut d’une clé de licence
event-ProcessMispStatusSuccess = Traitement du statut d’un MISP réussi
event-MispStatusProcessed = Statut du MISP traité
event-MispActiveStateUpdated = Activité du MISP mise à jour
event-UpdateMispSuccess = Mise à jour d’un MISP réussie
event-ValidateLicenseKeySuccess = Validation d’une clé de licence réussie
event-UpdateMispStatusSuccess = Mise à jour du statut d’un MISP réussie
event-MispInvalidEmailOnCreate = E-mail de MISP non valide à la création
event-MispInvalidEmailOnUpdate = E-mail de MISP non valide à la mise à jour
event-MispNameTakenOnUpdate = Nom de MISP déjà pris à la mise à jour
event-MispNameTakenOnCreate = Nom de MISP déjà pris à la création
event-MispStatusNotApprovedOrRejected = Statut de MISP ni approuvé ni rejeté
event-MispStatusException = Erreur sur le statut d’un MISP
event-MispDeactivatedCannotApprove = MISP désactivé : approbation impossible
event-LicenseKeyNotFound = Clé de licence introuvable
event-LicenseKeyStatusInvalid = Statut de clé de licence non valide
event-MispActiveStatusInvalid = Activité de MISP non valide
event-RequeueEvents = Remise en file des événements
event-RequeueEventsSuccess = Remise en file des événements réussie
event-Republish = Republication
event-RepublishSuccess = Republication réussie
event-SealSigningKeys = Scellement des clés de signature
event-SealSigningKeysSuccess = Scellement des clés de signature réussi
event-CreateOidcClient = Création d’un client OIDC
event-CreateOidcClientFailure = Échec de la création d’un client OIDC
event-UpdateOidcClient = Mise à jour d’un client OIDC
event-UpdateOidcClientFailure = Échec de la mise à jour d’un client OIDC
event-GetOidcClientFailure = Échec de la lecture d’un client OIDC
event-CreateDevice = Création d’un appareil
event-CreateDeviceFailure = Échec de la création d’un appareil
event-CreateDeviceSuccess = Création d’un appareil réussie
event-UpdateDevice = Mise à jour d’un appareil
event-UpdateDeviceSuccess = Mise à jour d’un appareil réussie
event-UpdateDeviceFailure = Échec de la mise à jour d’un appareil
event-CreateSbi = Création d’une SBI
event-SaveSbiSuccess = Enregistrement d’une SBI réussi
event-UpdateSbi = Mise à jour d’une SBI
event-SbiFailure = Échec sur une SBI
event-UploadFtmCertificate = Téléversement du certificat d’une puce FTM
event-SaveUserConsent = Enregistrement du consentement de l’utilisateur
event-SaveUserConsentSuccess = Enregistrement du consentement réussi
event-LoginRefused = Connexion refusée
event-LoginLocked = Connexion bloquée
event-OtpVerifyThrottled = Vérifications de code trop fréquentes
event-OtpSendThrottled = Envois de code trop fréquents
event-DismissNotification = Notification ignorée
event-DismissNotificationSuccess = Notification ignorée avec succès
event-SaveNotificationsSeen = Enregistrement de la lecture des notifications
event-SaveNotificationsSeenSuccess = Lecture des notifications enregistrée
event-ExpiredApiKeySwitchedOff = Clé d’API expirée désactivée
event-ExpiredLicenseSwitchedOff = Licence expirée désactivée
keys-no-such-key = Cette clé d’API n’existe pas.
keys-confirm-deactivate = Désactiver la clé d’API { $label } de la politique { $policy } ?
keys-deactivate-key = Désactiver la clé
keys-a-switched-off-key = Les requêtes faites avec cette clé sont refusées dès maintenant ; un administrateur peut la réactiver.
keys-title-deactivate = Désactiver la clé d’API { $label }
groups-confirm-deactivate = Désactiver le groupe de politiques { $name } ?
groups-deactivate-group = Désactiver le groupe
groups-a-deactivated-group = { $count ->
    [one] Les partenaires ne peuvent plus demander sa politique tant que le groupe est inactif.
   *[other] Les partenaires ne peuvent plus demander ses { $count } politiques tant que le groupe est inactif.
}
groups-title-deactivate = Désactiver le groupe de politiques { $name }
copy-copy = Copier
copy-copied = Copié
table-filter-label = Rechercher dans cette liste
table-filter = Rechercher
table-clear = Effacer
table-nothing-matches = Rien dans cette liste ne correspond à la recherche.
keys-search-label = Libellé contenant
keys-search-partner-label = Nom du partenaire contenant
requests-search-policy-label = Nom de la politique contenant
sbis-search-label = Version contenant
devices-search-label = Marque contenant
clients-search-label = Nom du client contenant
trust-search-label = Délivré à contenant

## MOSIP's master data in words
partner-type-Auth_Partner = Partenaire d'authentification
partner-type-Device_Provider = Fournisseur de dispositifs
partner-type-Credential_Partner = Partenaire de justificatifs
partner-type-Partner_Admin = Administrateur des partenaires
partner-type-FTM_Provider = Fournisseur FTM
partner-type-Online_Verification_Partner = Partenaire de vérification en ligne
partner-type-ABIS_Partner = Partenaire ABIS
partner-type-Manual_Adjudication = Arbitrage manuel
partner-type-MISP_Partner = Partenaire MISP
partner-type-Internal_Partner = Partenaire interne
partner-type-SDK_Partner = Partenaire SDK
partner-type-Print_Partner = Partenaire d'impression
partner-type-Binding_Partner = Partenaire de liaison
policy-type-Auth = Authentification
policy-type-DataShare = Partage de données
policy-type-CredentialIssuance = Émission de justificatifs
device-type-Finger = Empreinte digitale
device-type-Face = Visage
device-type-Iris = Iris
