use persistence::testing::TestDb;
use web_support::testing::{self, Client};

/// A running partner-service over its own store.
pub struct TestApp {
    pub client: Client,
    pub db: TestDb,
    _data: tempfile::TempDir,
}

pub fn spawn(db: TestDb) -> TestApp {
    spawn_with(db, |_| {})
}

/// A running partner-service over its own store, with the test settings changed by `configure`.
pub fn spawn_with(db: TestDb, configure: impl FnOnce(&mut partner_service::settings::Settings)) -> TestApp {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let client = serve(&db, data.path(), configure);
    TestApp { client, db, _data: data }
}

/// Another service over the store of `db`, with its data under `data_dir` and the test settings
/// changed by `configure`.
pub fn serve(
    db: &TestDb,
    data_dir: &std::path::Path,
    configure: impl FnOnce(&mut partner_service::settings::Settings),
) -> Client {
    let mut settings: partner_service::settings::Settings = testing::settings(db, data_dir);
    // the jobs run on the wall clock; their tests drive them with an injected one (partner-app)
    settings.service.jobs.enabled = false;
    configure(&mut settings);
    Client::of(testing::spawn(move || partner_service::startup::build(settings)))
}

impl TestApp {
    /// The service's data directory (`data_dir`).
    pub fn data_dir(&self) -> &std::path::Path {
        self._data.path()
    }
}

pub fn admin() -> String {
    testing::token("partner-admin", &["PARTNER_ADMIN"])
}

/// Generates a test per backend from `fn name(app: TestApp)`.
#[macro_export]
macro_rules! api_tests {
    ($($name:ident),+ $(,)?) => {
        persistence::both_backends!(with $crate::helpers::spawn; $($name),+);
    };
}
