//! The load generator every HTTP bench shares: keep-alive connections sending requests until a
//! deadline, with latency percentiles.

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use http_body_util::{BodyExt, Full};
use hyper::{Request, body::Bytes, client::conn::http1};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// The result of loading one target.
#[derive(Debug)]
pub struct Measurement {
    pub requests: usize,
    pub errors: usize,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
}

/// Drive `conns` keep-alive connections sending `GET path` until `duration` has passed.
pub async fn load(authority: &str, path: &str, conns: usize, duration: Duration) -> Result<Measurement, String> {
    Ok(load_paths(authority, Arc::new(vec![path.to_string()]), conns, duration).await?.measurement())
}

/// Everything one load run saw.
#[derive(Debug, Default)]
pub struct Sample {
    /// Latency of every successful request, sorted.
    pub latencies: Vec<Duration>,
    pub errors: usize,
    pub elapsed: Duration,
    /// The first failure (status and path, or the transport error), to fix a bad URL list.
    pub first_error: Option<String>,
}

impl Sample {
    /// The latency below which a share `q` of the successful requests fall.
    pub fn percentile(&self, q: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let index = ((self.latencies.len() as f64 - 1.0) * q).round() as usize;
        self.latencies[index.min(self.latencies.len() - 1)]
    }

    pub fn rps(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64().max(f64::EPSILON)
    }

    pub fn measurement(&self) -> Measurement {
        Measurement { requests: self.latencies.len(), errors: self.errors, elapsed: self.elapsed, p50: self.percentile(0.50), p99: self.percentile(0.99) }
    }

    /// Two runs one after the other, as one.
    pub fn merge(mut self, mut other: Sample) -> Sample {
        self.latencies.append(&mut other.latencies);
        self.latencies.sort_unstable();
        self.errors += other.errors;
        self.elapsed += other.elapsed;
        self.first_error = self.first_error.or(other.first_error);
        self
    }
}

/// Drive `conns` keep-alive connections until `duration` has passed; each request takes the next
/// path of `paths` (shared by all connections, round robin).
pub async fn load_paths(authority: &str, paths: Arc<Vec<String>>, conns: usize, duration: Duration) -> Result<Sample, String> {
    if paths.is_empty() {
        return Err("nothing to load".into());
    }
    let next = Arc::new(AtomicUsize::new(0));
    let plan: Plan = Arc::new(move |_: &mut Turn| {
        let path = &paths[next.fetch_add(1, Ordering::Relaxed) % paths.len()];
        Request::get(path.as_str()).header(hyper::header::ACCEPT_ENCODING, "gzip, br").header(hyper::header::ACCEPT_LANGUAGE, "fr-BE,fr;q=0.9").body(Full::new(Bytes::new()))
    });
    load_plan(authority, plan, conns, duration, 0).await
}

/// What a connection knows when it asks its plan for the next request: which connection it is
/// and a random source seeded per connection (the same run draws the same requests).
pub struct Turn {
    pub conn: usize,
    pub rng: fastrand::Rng,
}

/// Makes each request a connection sends (the generator adds the `Host` header); a response
/// with a success status (2xx) counts as done.
pub type Plan = Arc<MakeRequest>;

/// What a [`Plan`] holds.
pub type MakeRequest = dyn Fn(&mut Turn) -> Result<Request<Full<Bytes>>, hyper::http::Error> + Send + Sync;

/// Drive `conns` keep-alive connections until `duration` has passed, each sending what `plan`
/// makes, answer after answer. `seed` varies the random draws between runs.
pub async fn load_plan(authority: &str, plan: Plan, conns: usize, duration: Duration, seed: u64) -> Result<Sample, String> {
    let started = Instant::now();
    let deadline = started + duration;
    let first_error = Arc::new(Mutex::new(None));
    let mut workers = Vec::with_capacity(conns);
    for conn in 0..conns.max(1) {
        let authority = authority.to_string();
        let (plan, first_error) = (plan.clone(), first_error.clone());
        let turn = Turn { conn, rng: fastrand::Rng::with_seed(seed * 1000 + conn as u64) };
        workers.push(tokio::spawn(async move { worker(&authority, &*plan, turn, &first_error, deadline).await }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        let (mut l, e) = worker.await.map_err(|e| e.to_string())?;
        latencies.append(&mut l);
        errors += e;
    }
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    let first_error = first_error.lock().unwrap_or_else(|e| e.into_inner()).take();
    Ok(Sample { latencies, errors, elapsed, first_error })
}

/// One connection's loop; reconnects after an error. Returns latencies and the error count.
async fn worker(authority: &str, plan: &MakeRequest, mut turn: Turn, first_error: &Mutex<Option<String>>, deadline: Instant) -> (Vec<Duration>, usize) {
    let mut latencies = Vec::with_capacity(4096);
    let mut errors = 0;
    let note = |what: String| {
        first_error.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(what);
    };
    'connect: while Instant::now() < deadline {
        let stream = match TcpStream::connect(authority).await {
            Ok(stream) => stream,
            Err(error) => {
                errors += 1;
                note(format!("connect: {error}"));
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let Ok((mut sender, connection)) = http1::handshake(TokioIo::new(stream)).await else {
            errors += 1;
            continue;
        };
        let driver = tokio::spawn(connection);
        while Instant::now() < deadline {
            let mut request = match plan(&mut turn) {
                Ok(request) => request,
                Err(error) => {
                    note(format!("request: {error}"));
                    break 'connect;
                }
            };
            let Ok(host) = hyper::header::HeaderValue::from_str(authority) else { break 'connect };
            request.headers_mut().insert(hyper::header::HOST, host);
            let target = format!("{} {}", request.method(), request.uri());
            let sent = Instant::now();
            let ok = match sender.send_request(request).await {
                Ok(response) => {
                    let status = response.status();
                    let body = response.into_body().collect().await.map(|b| b.to_bytes());
                    if !status.is_success() {
                        let text = body.as_ref().map(|b| String::from_utf8_lossy(b).chars().take(200).collect::<String>()).unwrap_or_default();
                        note(format!("{status} {target} {text}"));
                    }
                    body.is_ok() && status.is_success()
                }
                Err(error) => {
                    note(format!("{error} {target}"));
                    false
                }
            };
            if ok {
                latencies.push(sent.elapsed());
            } else {
                errors += 1;
                driver.abort();
                continue 'connect;
            }
        }
        driver.abort();
    }
    (latencies, errors)
}
