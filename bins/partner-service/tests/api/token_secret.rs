//! The token secret at rest: a stored (generated) HS256 secret is sealed under the KEK at start,
//! tokens signed with the clear secret still verify, and a KEK that does not open it stops the start.

use persistence::testing::TestDb;
use secrecy::SecretString;
use web_support::auth::mint_hs256;

use crate::helpers::serve;
use partner_service::settings::Settings;

const CLEAR: &str = "0123456789abcdef0123456789abcdef";
const KEK_1: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const KEK_2: &str = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

fn stored_secret_with(s: &mut Settings, kek: &str) {
    s.auth.hs256_secret = None;
    s.service.secrets.kek = Some(SecretString::from(kek));
    s.service.secrets.kek_id = "k1".into();
}

fn the_stored_token_secret_is_sealed_and_a_wrong_kek_stops_the_start(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings: Settings = web_support::testing::settings(&db, dir.path());
    stored_secret_with(&mut settings, KEK_1);
    let path = settings.generated_secret_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, CLEAR).unwrap();

    let client = serve(&db, dir.path(), |s| stored_secret_with(s, KEK_1));
    let stored = std::fs::read_to_string(&path).unwrap();
    assert!(stored.starts_with("enc:v1:k1:") && !stored.contains(CLEAR), "sealed at start: {stored}");
    let token = mint_hs256(&SecretString::from(CLEAR), "admin", &["PARTNER_ADMIN".to_owned()], None, 600).unwrap();
    let a = client.get("/v1/partnermanager/partners", Some(&token));
    assert_eq!(a.status, 200, "tokens signed with the clear secret verify: {}", a.body);

    let mut wrong: Settings = web_support::testing::settings(&db, dir.path());
    stored_secret_with(&mut wrong, KEK_2);
    let err = partner_service::startup::build(wrong).err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(err.contains("token secret"), "{err}");
    assert!(!err.contains(CLEAR), "the secret is never shown: {err}");
}

persistence::both_backends!(the_stored_token_secret_is_sealed_and_a_wrong_kek_stops_the_start);
