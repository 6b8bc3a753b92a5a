//! `…/actuator/health`, Spring-Boot style, with the database checked.

use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::db::Db;

pub async fn health(db: web::Data<Db>) -> HttpResponse {
    let backend = match db.pool().backend() {
        persistence::Backend::Postgres => "PostgreSQL",
        persistence::Backend::Sqlite => "SQLite",
    };
    let ping = db.read(|conn| conn.ping().map_err(crate::ApiError::from)).await;
    match ping {
        Ok(()) => HttpResponse::Ok().json(json!({
            "status": "UP",
            "components": { "db": { "status": "UP", "details": { "database": backend } } }
        })),
        Err(e) => down(backend, &e.to_string()),
    }
}

fn down(backend: &str, why: &str) -> HttpResponse {
    tracing::warn!(error = why, "health check: database down");
    HttpResponse::ServiceUnavailable().json(json!({
        "status": "DOWN",
        "components": { "db": { "status": "DOWN", "details": { "database": backend } } }
    }))
}
