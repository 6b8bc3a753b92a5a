use super::*;

#[test]
fn the_last_of_repeated_fields_wins() {
    let f = Form::from_pairs(vec![
        ("a".into(), " x ".into()),
        ("b".into(), "1".into()),
        ("b".into(), "2".into()),
        ("c".into(), " ".into()),
    ]);
    assert_eq!(f.get("a"), " x ");
    assert_eq!(f.opt("a").as_deref(), Some("x"));
    assert_eq!(f.get("b"), "2");
    assert_eq!(f.opt("c"), None);
    assert_eq!(f.get("zz"), "");
}

#[test]
fn a_form_without_the_token_is_refused() {
    let req = actix_web::test::TestRequest::default()
        .cookie(actix_web::cookie::Cookie::new(crate::ctx::CSRF_COOKIE, "c".repeat(64)))
        .to_http_request();
    let ctx = Ctx::new(&req);
    let without = urlencoded(&ctx, &web::Bytes::from_static(b"name=x"));
    assert_eq!(
        without.err().map(|r| (r.status, r.code().to_owned())),
        Some((StatusCode::FORBIDDEN, CSRF_REFUSED.into()))
    );
    let body = format!("name=x&_csrf={}", "c".repeat(64));
    assert_eq!(urlencoded(&ctx, &web::Bytes::from(body)).ok().map(|f| f.get("name").to_owned()), Some("x".into()));
}
