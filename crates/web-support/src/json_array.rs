//! A JSON array answer written item by item on the blocking pool and sent in pieces as it grows:
//! an answer of tens of thousands of items holds a few pieces in memory, not the list.
//!
//! The operation writes into a [`JsonArray`]; each full piece goes over a bounded channel, so the
//! writer runs ahead of the client by a few pieces and then waits for it, in one of a few turns
//! the process shares ([`Streams`]). An answer that fits in one piece is sent whole, as any other
//! answer; a longer one is sent chunked, and its last bytes go only once the operation has
//! returned, that is once its audit records are committed. When the operation fails after the
//! first piece has gone, the connection is cut before those bytes, so the client never holds a
//! complete answer the audit trail does not show.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::BoxBody;
use actix_web::http::header::ContentType;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, Responder};
use app_core::AppError;
use futures_util::Stream;
use serde::Serialize;
use tokio::runtime::Handle;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};

use crate::envelope::{Flavor, ResponseEnvelope};
use crate::error::ApiError;
use crate::handler::Echo;

/// How an array is sent: in pieces of about `piece_bytes`, written up to `pieces_ahead` pieces
/// ahead of the client (so an answer of that size never waits for it), each waiting at most
/// `patience` for room; after that the writer gives up, releasing the database connection the
/// operation holds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sending {
    pub piece_bytes: usize,
    pub pieces_ahead: usize,
    pub patience: Duration,
}

impl Default for Sending {
    fn default() -> Self {
        Sending { piece_bytes: 64 * 1024, pieces_ahead: 8, patience: Duration::from_secs(30) }
    }
}

/// How many writers may wait for their clients at once: a writer whose pieces ahead are all
/// unsent holds its pooled connection while the client reads, so clients that read slowly may
/// hold at most this share of the pool. A writer that finds no turn within `wait` gives up, and
/// its answer is cut. Answers that fit in the pieces ahead never wait, so never need a turn.
#[derive(Debug, Clone)]
pub(crate) struct Streams {
    pub turns: Arc<Semaphore>,
    pub wait: Duration,
}

impl Streams {
    pub fn new(at_once: usize, wait: Duration) -> Self {
        Streams { turns: Arc::new(Semaphore::new(at_once.max(1))), wait }
    }
}

#[derive(Debug)]
enum Piece {
    More(Bytes),
    Last(Bytes),
    Refused(AppError),
}

/// Items serialised as they come and sent on in pieces.
#[derive(Debug)]
pub struct JsonArray {
    text: Vec<u8>,
    any_pushed: bool,
    any_sent: bool,
    sending: Sending,
    out: mpsc::Sender<Piece>,
    runtime: Handle,
    streams: Streams,
    /// Held from the first time this writer has to wait for its client until it returns.
    turn: Option<OwnedSemaphorePermit>,
}

impl JsonArray {
    pub fn push(&mut self, item: &impl Serialize) -> Result<(), AppError> {
        if self.any_pushed {
            self.text.push(b',');
        }
        serde_json::to_writer(&mut self.text, item).map_err(unwritten)?;
        self.any_pushed = true;
        if self.text.len() >= self.sending.piece_bytes {
            let piece = Bytes::from(std::mem::take(&mut self.text));
            self.send(Piece::More(piece))?;
            self.any_sent = true;
        }
        Ok(())
    }

    /// Sends what is left once the operation has returned: the rest of the array, or its refusal
    /// while nothing has been sent yet.
    fn end(mut self, outcome: Result<(), AppError>) {
        let last = match outcome {
            Ok(()) => Piece::Last(Bytes::from(std::mem::take(&mut self.text))),
            Err(e) if !self.any_sent => Piece::Refused(e),
            Err(_) => return,
        };
        // the operation has returned its connection, so the last piece waits without a turn; a
        // client that has gone takes nothing more
        let _ = self.deliver(last);
    }

    /// Sends a piece while the operation holds its connection: at once if there is room ahead,
    /// else in a turn to wait for the client.
    fn send(&mut self, piece: Piece) -> Result<(), AppError> {
        let piece = match self.out.try_send(piece) {
            Ok(()) => return Ok(()),
            Err(mpsc::error::TrySendError::Closed(_)) => return Err(client_gone()),
            Err(mpsc::error::TrySendError::Full(piece)) => piece,
        };
        self.wait_for_turn()?;
        self.deliver(piece)
    }

    fn deliver(&self, piece: Piece) -> Result<(), AppError> {
        let sent = self.runtime.block_on(tokio::time::timeout(self.sending.patience, self.out.send(piece)));
        match sent {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) => Err(client_gone()),
            Err(_) => Err(AppError::internal("the client stopped reading the answer")),
        }
    }

    fn wait_for_turn(&mut self) -> Result<(), AppError> {
        if self.turn.is_none() {
            let turns = Arc::clone(&self.streams.turns);
            let turn = self.runtime.block_on(tokio::time::timeout(self.streams.wait, turns.acquire_owned()));
            match turn {
                Ok(Ok(turn)) => self.turn = Some(turn),
                _ => return Err(AppError::unavailable("too many answers are waiting for their clients")),
            }
        }
        Ok(())
    }
}

fn client_gone() -> AppError {
    AppError::internal("the client closed the connection before the whole answer")
}

/// Runs `write` on the blocking pool with `context` and answers with the first piece it sends:
/// the whole array, the start of a longer one, or its refusal.
pub(crate) async fn stream<C, F>(
    context: C,
    sending: Sending,
    streams: Streams,
    write: F,
) -> Result<ArrayAnswer, ApiError>
where
    C: Send + 'static,
    F: FnOnce(&C, &mut JsonArray) -> Result<(), AppError> + Send + 'static,
{
    let (out, mut pieces) = mpsc::channel(sending.pieces_ahead.max(1));
    let runtime = Handle::current();
    let mut array =
        JsonArray { text: Vec::new(), any_pushed: false, any_sent: false, sending, out, runtime, streams, turn: None };
    actix_web::rt::task::spawn_blocking(move || {
        let outcome = write(&context, &mut array);
        array.end(outcome);
    });
    match pieces.recv().await {
        Some(Piece::Last(all)) => Ok(ArrayAnswer::new(all, None)),
        Some(Piece::More(first)) => Ok(ArrayAnswer::new(first, Some(pieces))),
        Some(Piece::Refused(e)) => Err(e.into()),
        None => Err(AppError::internal("the answer's writer stopped before its first piece").into()),
    }
}

/// A successful array answer in MOSIP's envelope, whole or still being written.
#[derive(Debug)]
pub struct ArrayAnswer {
    first: Bytes,
    rest: Option<mpsc::Receiver<Piece>>,
    echo: Echo,
    field: Option<&'static str>,
}

impl ArrayAnswer {
    fn new(first: Bytes, rest: Option<mpsc::Receiver<Piece>>) -> Self {
        ArrayAnswer { first, rest, echo: Echo::default(), field: None }
    }

    /// The array as the one field of the answer's object (`{"partners": [...]}`), not the answer.
    pub fn within(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    /// A fixed `id` and `version`, as MOSIP's reads name their operation.
    pub fn named(mut self, id: &str, version: &str) -> Self {
        self.echo = Echo::new(id, version);
        self
    }
}

impl Responder for ArrayAnswer {
    type Body = BoxBody;

    fn respond_to(self, req: &HttpRequest) -> HttpResponse {
        let flavor = req.app_data::<Flavor>().copied().unwrap_or_default();
        let (head, tail) = match envelope_around_array(flavor, self.echo, self.field) {
            Ok(parts) => parts,
            Err(e) => return HttpResponse::from_error(ApiError::from(e)),
        };
        let mut answer = HttpResponse::Ok();
        answer.insert_header(ContentType::json());
        match self.rest {
            None => answer.body(concat(&[&head, &self.first, &tail])),
            Some(rest) => {
                answer.streaming(Pieces { head: Some(concat(&[&head, &self.first])), rest, tail, ended: false })
            }
        }
    }
}

/// The envelope's text before the array's items (ending with `[`) and after them (from `]`).
fn envelope_around_array(flavor: Flavor, echo: Echo, field: Option<&str>) -> Result<(Bytes, Bytes), AppError> {
    let (response, mark) = match field {
        None => (serde_json::json!([]), "\"response\":[".to_owned()),
        Some(field) => (serde_json::json!({ field: [] }), format!("\"response\":{{{}:[", serde_json::json!(field))),
    };
    let envelope = ResponseEnvelope::ok(response).flavor(flavor).echo(echo.id, echo.version);
    let text = serde_json::to_vec(&envelope).map_err(unwritten)?;
    let at = text
        .windows(mark.len())
        .position(|w| w == mark.as_bytes())
        .ok_or_else(|| AppError::internal("the envelope has no response array"))?
        + mark.len();
    Ok((Bytes::copy_from_slice(&text[..at]), Bytes::copy_from_slice(&text[at..])))
}

fn concat(parts: &[&[u8]]) -> Bytes {
    Bytes::from(parts.concat())
}

/// The answer's body: the head with the first piece, each later piece, and the tail after the
/// last; an error (the connection cut) when the writer stops without a last piece.
#[derive(Debug)]
struct Pieces {
    head: Option<Bytes>,
    rest: mpsc::Receiver<Piece>,
    tail: Bytes,
    ended: bool,
}

#[derive(Debug)]
struct Unfinished;

impl std::fmt::Display for Unfinished {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the answer's writer failed after its first piece")
    }
}

impl std::error::Error for Unfinished {}

impl Stream for Pieces {
    type Item = Result<Bytes, Unfinished>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if let Some(head) = self.head.take() {
            return Poll::Ready(Some(Ok(head)));
        }
        if self.ended {
            return Poll::Ready(None);
        }
        let next = match self.rest.poll_recv(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(next) => next,
        };
        Poll::Ready(Some(match next {
            Some(Piece::More(piece)) => Ok(piece),
            Some(Piece::Last(piece)) => {
                self.ended = true;
                Ok(concat(&[&piece, &self.tail]))
            }
            Some(Piece::Refused(_)) | None => {
                self.ended = true;
                tracing::warn!("an answer was cut off: its operation failed after the first piece");
                Err(Unfinished)
            }
        }))
    }
}

fn unwritten(e: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("writing an answer: {e}"))
}

#[cfg(test)]
mod tests;
