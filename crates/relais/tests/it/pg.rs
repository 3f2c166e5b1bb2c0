//! Throwaway PostgreSQL clusters for tests: `initdb` + `pg_ctl` from /usr/lib/postgresql/15/bin
//! under a temp dir, run as `nobody` when the tests run as root. Never assumes a running server.
//!
//! A watchdog process stops each cluster when the test process ends, however it ends.

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    sync::OnceLock,
};

const DEFAULT_BIN: &str = "/usr/lib/postgresql/15/bin";

pub struct PgCluster {
    _root: tempfile::TempDir,
    data: PathBuf,
    port: u16,
    bin: PathBuf,
}

fn bin_dir() -> PathBuf {
    std::env::var_os("RELAIS_PG_BIN").map_or_else(|| PathBuf::from(DEFAULT_BIN), PathBuf::from)
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

/// A command run as the cluster's owner (`nobody` when we are root).
fn as_owner(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "nobody", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn run(mut command: Command, what: &str) {
    let output = command.stdin(Stdio::null()).output().unwrap_or_else(|e| panic!("{what}: cannot run: {e}"));
    assert!(output.status.success(), "{what} failed: {}\n{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
}

impl PgCluster {
    /// Start a fresh cluster on a free loopback port.
    pub fn start() -> PgCluster {
        let bin = bin_dir();
        assert!(bin.join("initdb").exists(), "PostgreSQL server binaries not found in {} (./scripts/test installs them)", bin.display());
        let root = tempfile::Builder::new().prefix("relais-pg-").tempdir().expect("temp dir");
        let home = root.path().join("cluster");
        std::fs::create_dir(&home).expect("cluster dir");
        if is_root() {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
            run(
                {
                    let mut c = Command::new("chown");
                    c.arg("nobody").arg(&home);
                    c
                },
                "chown",
            );
        }
        let data = home.join("data");
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        run(
            {
                let mut c = as_owner(&bin.join("initdb"));
                c.arg("-D").arg(&data).args(["-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
                c
            },
            "initdb",
        );
        let options =
            format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", home.display());
        run(
            {
                let mut c = as_owner(&bin.join("pg_ctl"));
                c.arg("-D").arg(&data).args(["-o", &options, "-l"]).arg(home.join("log")).args(["-w", "start"]);
                c
            },
            "pg_ctl start",
        );
        let cluster = PgCluster { _root: root, data, port, bin };
        cluster.watchdog();
        cluster
    }

    /// The URL of the `postgres` maintenance database.
    pub fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Stop the server now (e.g. to test what the app does without its database).
    pub fn stop(&self) {
        let mut c = as_owner(&self.bin.join("pg_ctl"));
        c.arg("-D").arg(&self.data).args(["-m", "immediate", "-w", "stop"]);
        let _ = c.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).status();
    }

    /// A detached process that stops the cluster once this test process is gone.
    fn watchdog(&self) {
        let pg_ctl = self.bin.join("pg_ctl");
        let prefix = if is_root() { "runuser -u nobody -- " } else { "" };
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {prefix}'{pg_ctl}' -D '{data}' -m immediate stop >/dev/null 2>&1; rm -rf '{root}'",
            pid = std::process::id(),
            pg_ctl = pg_ctl.display(),
            data = self.data.display(),
            root = self._root.path().display(),
        );
        let _ = Command::new("setsid").args(["sh", "-c", &script]).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn();
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The cluster shared by every test of this process: `RELAIS_TEST_POSTGRES_URL` when set (an
/// admin URL), otherwise one started on first use.
pub fn shared_admin_url() -> String {
    static SHARED: OnceLock<String> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            if let Ok(url) = std::env::var("RELAIS_TEST_POSTGRES_URL") {
                return url;
            }
            let cluster = Box::leak(Box::new(PgCluster::start()));
            cluster.admin_url()
        })
        .clone()
}

/// A new, empty database on the shared cluster; returns its URL.
pub async fn fresh_database() -> String {
    let admin = shared_admin_url();
    fresh_database_on(&admin).await
}

pub async fn fresh_database_on(admin: &str) -> String {
    use sqlx::Connection;
    let name = format!("relais_test_{}", uuid_like());
    let mut conn = sqlx::PgConnection::connect(admin).await.expect("connect to the test cluster");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut conn).await.expect("create test database");
    let _ = conn.close().await;
    let (base, _) = admin.rsplit_once('/').expect("admin URL has a database");
    format!("{base}/{name}")
}

fn uuid_like() -> String {
    format!("{:016x}{:08x}", fastrand::u64(..), std::process::id())
}
