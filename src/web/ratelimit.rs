//! A per-client-IP limit on the endpoints a script could abuse
//! (registrations, link recovery, login): a fixed one-minute window per
//! address, kept in memory per process.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct RateLimiter {
    per_minute: u32,
    windows: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        Self { per_minute, windows: Mutex::new(HashMap::new()) }
    }

    /// Ok, or the seconds to wait.
    pub fn check(&self, ip: Option<IpAddr>) -> Result<(), u64> {
        let (Some(ip), true) = (ip, self.per_minute > 0) else {
            return Ok(());
        };
        let now = Instant::now();
        let window = Duration::from_secs(60);
        let Ok(mut windows) = self.windows.lock() else {
            return Ok(());
        };
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = windows.entry(ip).or_insert((now, 0));
        if now.duration_since(entry.0) >= window {
            *entry = (now, 0);
        }
        if entry.1 >= self.per_minute {
            return Err(window.saturating_sub(now.duration_since(entry.0)).as_secs().max(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::RateLimiter;

    #[test]
    fn the_limit_applies_per_address_and_zero_turns_it_off() {
        let limiter = RateLimiter::new(2);
        let a = Some("127.0.0.1".parse().expect("ip"));
        let b = Some("127.0.0.2".parse().expect("ip"));
        assert!(limiter.check(a).is_ok() && limiter.check(a).is_ok());
        assert!(limiter.check(a).is_err());
        assert!(limiter.check(b).is_ok());
        let off = RateLimiter::new(0);
        assert!((0..100).all(|_| off.check(a).is_ok()));
    }
}
