use serde_json::{Value, json};
use utoipa::OpenApi as _;

use super::*;

mod a {
    /// A.
    #[derive(utoipa::ToSchema)]
    #[expect(dead_code, reason = "only its schema is used")]
    pub struct Thing {
        pub x: String,
    }

    /// Posts a thing.
    #[utoipa::path(post, path = "/things", operation_id = "postThing", request_body = Thing,
        responses((status = 200, body = Thing)))]
    #[expect(dead_code, reason = "only its annotation is used")]
    pub fn post_thing() {}

    /// Public.
    #[utoipa::path(get, path = "/open", operation_id = "open", security(()), responses((status = 200)))]
    #[expect(dead_code, reason = "only its annotation is used")]
    pub fn open() {}

    #[derive(utoipa::OpenApi)]
    #[openapi(paths(post_thing, open))]
    pub struct Api;
}

mod b {
    /// B: the same name, another shape.
    #[derive(utoipa::ToSchema)]
    #[expect(dead_code, reason = "only its schema is used")]
    pub struct Thing {
        pub y: i64,
    }

    /// Gets a thing.
    #[utoipa::path(get, path = "/thing", operation_id = "getThing", responses((status = 200, body = Thing)))]
    #[expect(dead_code, reason = "only its annotation is used")]
    pub fn get_thing() {}

    #[derive(utoipa::OpenApi)]
    #[openapi(paths(get_thing))]
    pub struct Api;
}

fn json(doc: OpenApi) -> Value {
    serde_json::to_value(doc).unwrap_or_default()
}

#[test]
fn mounts_under_prefixes_with_unique_ids_and_common_answers() {
    let doc = json(
        DocumentBuilder::new("t", "1", "test")
            .mount("/one", a::Api::openapi())
            .mount_as("/two", a::Api::openapi(), "Again")
            .build(),
    );
    let post = &doc["paths"]["/one/things"]["post"];
    assert_eq!(post["operationId"], "postThing");
    assert_eq!(doc["paths"]["/two/things"]["post"]["operationId"], "postThingAgain");
    for (status, name) in [
        ("400", "MalformedBody"),
        ("401", "Unauthenticated"),
        ("403", "Forbidden"),
        ("500", "Unexpected"),
        ("503", "Busy"),
    ] {
        assert_eq!(post["responses"][status]["$ref"], format!("#/components/responses/{name}"));
        assert!(doc["components"]["responses"][name]["description"].is_string());
    }
    let open = &doc["paths"]["/one/open"]["get"];
    assert!(open["responses"]["401"].is_null() && open["responses"]["400"].is_null());
    assert_eq!(open["responses"]["500"]["$ref"], "#/components/responses/Unexpected");
    assert_eq!(doc["security"], json!([{"bearer": []}, {"cookie": []}]));
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["bearerFormat"], "JWT");
    assert!(doc["components"]["schemas"]["ErrorResponse"].is_object());
    assert!(doc["info"]["description"].as_str().unwrap_or_default().contains("KER-ATH-401"));
}

#[test]
fn schemas_of_one_name_and_two_shapes_are_conflicts() {
    let same = DocumentBuilder::new("t", "1", "test").mount("/one", a::Api::openapi()).mount("/two", a::Api::openapi());
    assert!(same.conflicts().is_empty());
    let clash =
        DocumentBuilder::new("t", "1", "test").mount("/one", a::Api::openapi()).mount("/two", b::Api::openapi());
    assert_eq!(clash.conflicts().len(), 1, "{:?}", clash.conflicts());
    assert!(clash.conflicts()[0].contains("Thing"));
}
