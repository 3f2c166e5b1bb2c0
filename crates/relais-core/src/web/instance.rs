//! What every page shows about the instance (for now: whether it is a demo instance).
//! The truth lives in the database, shared by all processes; each process keeps it a few seconds.

use std::{
    sync::Mutex,
    time::{Duration, Instant},
};

use crate::{db::Db, settings};

const FRESH_FOR: Duration = Duration::from_secs(5);
const LOOKUP_TIMEOUT: Duration = Duration::from_millis(500);

#[derive(Debug, Default)]
pub struct InstanceCache {
    demo: Mutex<Option<(Instant, bool)>>,
}

impl InstanceCache {
    /// Whether the instance holds demo data; never fails (an unreachable database keeps the last
    /// known answer, so error pages still render).
    pub async fn is_demo(&self, db: &Db) -> bool {
        let last = *self.demo.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, demo)) = last
            && at.elapsed() < FRESH_FOR
        {
            return demo;
        }
        match tokio::time::timeout(LOOKUP_TIMEOUT, settings::is_demo(db)).await {
            Ok(Ok(demo)) => {
                *self.demo.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), demo));
                demo
            }
            _ => last.map(|(_, demo)| demo).unwrap_or(false),
        }
    }
}
