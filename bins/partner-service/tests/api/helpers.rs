use partner_service::startup::Application;
use persistence::testing::TestDb;
use web_support::testing::{self, Client};

/// A running partner-service over its own store.
pub struct TestApp {
    pub client: Client,
    pub db: TestDb,
    _data: tempfile::TempDir,
}

pub fn spawn(db: TestDb) -> TestApp {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let settings = testing::settings(&db, data.path());
    let port = testing::spawn(move || {
        let app = Application::build(settings)?;
        Ok((app.port(), app.into_server()))
    });
    TestApp { client: Client::new(port), db, _data: data }
}

pub fn admin() -> String {
    testing::token("partner-admin", &["PARTNER_ADMIN"])
}

/// Generates a test per backend from `fn name(app: TestApp)`.
#[macro_export]
macro_rules! api_tests {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    super::$name($crate::helpers::spawn(persistence::testing::TestDb::sqlite()));
                }
                #[test]
                fn postgres() {
                    if let Some(db) = persistence::testing::TestDb::postgres() {
                        super::$name($crate::helpers::spawn(db));
                    }
                }
            }
        )+
    };
}
