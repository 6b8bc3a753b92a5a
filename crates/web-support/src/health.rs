//! `…/actuator/health`, Spring-Boot style, with the database checked.

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::Db;

/// `UP` or `DOWN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub enum Status {
    #[serde(rename = "UP")]
    Up,
    #[serde(rename = "DOWN")]
    Down,
}

/// `{"status", "components": {"db": {"status", "details": {"database"}}}}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    pub status: Status,
    pub components: HealthComponents,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HealthComponents {
    pub db: DbHealth,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DbHealth {
    pub status: Status,
    pub details: DbDetails,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DbDetails {
    /// `SQLite` or `PostgreSQL`.
    #[schema(example = "SQLite")]
    pub database: &'static str,
}

impl Health {
    fn of(status: Status, database: &'static str) -> Self {
        Health { status, components: HealthComponents { db: DbHealth { status, details: DbDetails { database } } } }
    }
}

/// The service's health: UP when the store answers.
#[utoipa::path(
    get,
    path = "/actuator/health",
    operation_id = "health",
    tag = "Actuator",
    security(()),
    responses(
        (status = 200, description = "The store answers", body = Health),
        (status = 503, description = "The store does not answer", body = Health),
    )
)]
pub async fn health(db: web::Data<Db>) -> HttpResponse {
    let backend = match db.pool().backend() {
        persistence::Backend::Postgres => "PostgreSQL",
        persistence::Backend::Sqlite => "SQLite",
    };
    let ping = db.ping().await;
    match ping {
        Ok(()) => HttpResponse::Ok().json(Health::of(Status::Up, backend)),
        Err(e) => down(backend, &e.to_string()),
    }
}

fn down(backend: &'static str, why: &str) -> HttpResponse {
    tracing::warn!(error = why, "health check: database down");
    HttpResponse::ServiceUnavailable().json(Health::of(Status::Down, backend))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_spring_boot() {
        let json = serde_json::to_value(Health::of(Status::Up, "SQLite")).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"status": "UP", "components": {"db": {"status": "UP", "details": {"database": "SQLite"}}}})
        );
    }
}
