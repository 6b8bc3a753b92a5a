use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use actix_web::body::{BodySize, MessageBody};
use actix_web::test::TestRequest;
use serde_json::{Value, json};
use tokio::sync::oneshot;

use super::*;

fn items(n: usize) -> Vec<Value> {
    (0..n).map(|i| json!({ "n": i, "text": format!("item \"{i}\"") })).collect()
}

fn small_pieces() -> Sending {
    Sending { piece_bytes: 16, ..Sending::default() }
}

fn plenty_of_streams() -> Streams {
    Streams::new(4, Duration::from_secs(10))
}

/// The answer's body, or the error that cut it.
async fn body_of(answer: ArrayAnswer) -> (BodySize, Result<Bytes, String>) {
    let res = answer.named("mosip.test", "1.0").respond_to(&TestRequest::default().to_http_request());
    let body = res.into_body();
    let size = body.size();
    (size, actix_web::body::to_bytes(body).await.map_err(|e| e.to_string()))
}

fn without_time(mut answer: Value) -> Value {
    answer["responsetime"] = Value::Null;
    answer
}

/// What the service answers for the whole list at once.
fn whole_reply(list: &[Value]) -> Value {
    let envelope = ResponseEnvelope::ok(list).echo(Some("mosip.test".into()), Some("1.0".into()));
    without_time(serde_json::to_value(envelope).unwrap())
}

async fn sent(list: Vec<Value>, sending: Sending) -> (BodySize, Result<Bytes, String>) {
    let answer =
        stream(list, sending, plenty_of_streams(), |list, array| list.iter().try_for_each(|item| array.push(item)))
            .await
            .unwrap();
    body_of(answer).await
}

#[actix_web::test]
async fn a_short_list_is_answered_whole_as_any_answer() {
    for n in [0, 1, 3] {
        let (size, body) = sent(items(n), Sending::default()).await;
        let body = body.unwrap();
        assert_eq!(size, BodySize::Sized(body.len() as u64));
        assert_eq!(without_time(serde_json::from_slice(&body).unwrap()), whole_reply(&items(n)));
    }
}

#[actix_web::test]
async fn a_long_list_is_sent_in_pieces_and_reads_as_the_whole_answer() {
    let (size, body) = sent(items(50), small_pieces()).await;
    assert_eq!(size, BodySize::Stream);
    assert_eq!(without_time(serde_json::from_slice(&body.unwrap()).unwrap()), whole_reply(&items(50)));
}

#[actix_web::test]
async fn the_envelope_around_the_pieces_is_the_one_of_a_whole_answer() {
    let (_, whole) = sent(items(3), Sending::default()).await;
    let (_, pieces) = sent(items(3), Sending { piece_bytes: 1, ..Sending::default() }).await;
    let time = |text: &str| text.split("\"responsetime\":\"").nth(1).map(|t| t[..24].to_owned());
    let (whole, pieces) =
        (String::from_utf8(whole.unwrap().to_vec()).unwrap(), String::from_utf8(pieces.unwrap().to_vec()).unwrap());
    assert_eq!(whole.replace(&time(&whole).unwrap(), "T"), pieces.replace(&time(&pieces).unwrap(), "T"));
}

#[actix_web::test]
async fn a_refusal_before_the_first_piece_is_the_answer() {
    let refused = stream((), small_pieces(), plenty_of_streams(), |_, _| Err(AppError::refused("PMS_X_001", "no")))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "PMS_X_001");
}

#[actix_web::test]
async fn a_failure_after_the_first_piece_cuts_the_answer_short() {
    let answer = stream((), small_pieces(), plenty_of_streams(), |_, array| {
        for item in items(5) {
            array.push(&item)?;
        }
        Err(AppError::internal("the store went away"))
    })
    .await
    .unwrap();
    let (_, body) = body_of(answer).await;
    assert!(body.is_err(), "a cut answer must not end as a complete body");
}

/// A writer of 50 items in small pieces, with its outcome reported once it returns.
async fn watched_writer(sending: Sending) -> (ArrayAnswer, oneshot::Receiver<Result<(), AppError>>) {
    watched_writer_among(sending, plenty_of_streams()).await.unwrap()
}

async fn watched_writer_among(
    sending: Sending,
    streams: Streams,
) -> Result<(ArrayAnswer, oneshot::Receiver<Result<(), AppError>>), ApiError> {
    let (report, outcome) = oneshot::channel();
    let answer = stream((), sending, streams, move |_, array| {
        let result = items(50).iter().try_for_each(|item| array.push(item));
        let _ = report.send(result.clone());
        result
    })
    .await?;
    Ok((answer, outcome))
}

#[actix_web::test]
async fn a_client_that_goes_away_stops_the_writer_with_an_error() {
    let (answer, outcome) = watched_writer(small_pieces()).await;
    drop(answer);
    let stopped = outcome.await.unwrap().unwrap_err();
    assert!(stopped.detail.unwrap().contains("closed the connection"));
}

#[actix_web::test]
async fn a_client_that_stops_reading_is_given_up_on() {
    let (answer, outcome) =
        watched_writer(Sending { piece_bytes: 16, patience: Duration::from_millis(20), ..Sending::default() }).await;
    let stopped = outcome.await.unwrap().unwrap_err();
    assert!(stopped.detail.unwrap().contains("stopped reading"));
    drop(answer);
}

#[actix_web::test]
async fn a_list_within_a_field_reads_as_that_object_whole_or_in_pieces() {
    for sending in [Sending::default(), small_pieces()] {
        let answer = stream(items(20), sending, plenty_of_streams(), |list, array| {
            list.iter().try_for_each(|item| array.push(item))
        })
        .await
        .unwrap()
        .within("partners");
        let (_, body) = body_of(answer).await;
        let expected =
            ResponseEnvelope::ok(json!({ "partners": items(20) })).echo(Some("mosip.test".into()), Some("1.0".into()));
        assert_eq!(
            without_time(serde_json::from_slice(&body.unwrap()).unwrap()),
            without_time(serde_json::to_value(expected).unwrap())
        );
    }
}

#[actix_web::test]
async fn the_writer_runs_ahead_of_a_stalled_client_by_its_pieces_ahead_and_no_further() {
    let pushed = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&pushed);
    let (report, outcome) = oneshot::channel();
    let sending = Sending { piece_bytes: 16, pieces_ahead: 4, patience: Duration::from_millis(200) };
    let answer = stream((), sending, plenty_of_streams(), move |_, array| {
        let result = items(50).iter().try_for_each(|item| {
            array.push(item)?;
            counted.fetch_add(1, Ordering::SeqCst);
            Ok(())
        });
        let _ = report.send(());
        result
    })
    .await
    .unwrap();
    outcome.await.unwrap();
    // every item fills a piece: the first is the answer's start, four more wait in the channel
    assert_eq!(pushed.load(Ordering::SeqCst), 1 + 4);
    drop(answer);
}

#[actix_web::test]
async fn writers_beyond_those_allowed_to_wait_for_their_clients_give_up_as_busy() {
    let one_waits = Streams::new(1, Duration::from_millis(50));
    let (stalled, stopped) = watched_writer_among(small_pieces(), one_waits.clone()).await.unwrap();
    while one_waits.turns.available_permits() > 0 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let (second, busy) = watched_writer_among(small_pieces(), one_waits.clone()).await.unwrap();
    let busy = busy.await.unwrap().unwrap_err();
    assert_eq!(busy.code(), "PMS_COR_003");
    assert!(busy.detail.unwrap().contains("waiting for their clients"));
    drop(second);

    // an answer that fits in the pieces ahead never waits, so needs no turn
    let roomy = Sending { piece_bytes: 16, pieces_ahead: 64, ..Sending::default() };
    let (answer, _) = watched_writer_among(roomy, one_waits.clone()).await.unwrap();
    let (_, body) = body_of(answer).await;
    assert_eq!(without_time(serde_json::from_slice(&body.unwrap()).unwrap()), whole_reply(&items(50)));

    drop(stalled);
    assert!(stopped.await.unwrap().is_err());
    let patient = Streams { wait: Duration::from_secs(10), ..one_waits };
    let (answer, _) = watched_writer_among(small_pieces(), patient.clone()).await.unwrap();
    let (_, body) = body_of(answer).await;
    assert_eq!(without_time(serde_json::from_slice(&body.unwrap()).unwrap()), whole_reply(&items(50)));
}
