//! The time of the application: the system clock in production, a clock that tests move
//! (`Clock::manual`, `advance`) instead of sleeping. Handlers read `state.clock.now()`.

use std::sync::{
    Arc,
    atomic::{AtomicI64, Ordering},
};

use time::{Duration, OffsetDateTime};

/// Cheap to clone; clones share the same time.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// `None`: the system clock. `Some`: nanoseconds added to the system clock.
    offset: Option<Arc<AtomicI64>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { offset: None }
    }

    /// A clock that starts at the system time and moves when told to (tests).
    pub fn manual() -> Clock {
        Clock { offset: Some(Arc::new(AtomicI64::new(0))) }
    }

    /// Now, in UTC, to the nanosecond the system gives.
    pub fn now(&self) -> OffsetDateTime {
        let now = OffsetDateTime::now_utc();
        match &self.offset {
            Some(offset) => now + Duration::nanoseconds(offset.load(Ordering::Relaxed)),
            None => now,
        }
    }

    /// Move a manual clock forward (or back, with a negative duration); the system clock ignores it.
    pub fn advance(&self, by: Duration) {
        if let Some(offset) = &self.offset {
            let nanos = i64::try_from(by.whole_nanoseconds()).unwrap_or(i64::MAX);
            offset.fetch_add(nanos, Ordering::Relaxed);
        }
    }
}

/// An instant without its fraction of a second, as stored: SQLite compares RFC 3339 text, where
/// "…:13.5Z" sorts before "…:13Z"; whole seconds keep text order and time order the same.
pub fn whole_seconds(at: OffsetDateTime) -> OffsetDateTime {
    at.replace_nanosecond(0).unwrap_or(at)
}

/// The system's now, in whole seconds (see [`whole_seconds`]).
pub fn now() -> OffsetDateTime {
    whole_seconds(OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_and_its_clones_follow() {
        let clock = Clock::manual();
        let copy = clock.clone();
        let before = clock.now();
        clock.advance(Duration::minutes(16));
        assert!(copy.now() - before >= Duration::minutes(16));
        let system = Clock::system();
        system.advance(Duration::hours(1));
        assert!(system.now() - OffsetDateTime::now_utc() < Duration::minutes(1));
    }
}
