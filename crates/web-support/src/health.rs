//! `…/actuator/health`, Spring-Boot style, with the database checked.

use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::db::Db;

pub async fn health(db: web::Data<Db>) -> HttpResponse {
    let pool = db.pool().clone();
    let backend = match pool.backend() {
        persistence::Backend::Postgres => "PostgreSQL",
        persistence::Backend::Sqlite => "SQLite",
    };
    let ping = web::block(move || pool.ping()).await;
    match ping {
        Ok(Ok(())) => HttpResponse::Ok().json(json!({
            "status": "UP",
            "components": { "db": { "status": "UP", "details": { "database": backend } } }
        })),
        Ok(Err(e)) => down(backend, &e.to_string()),
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
