//! A per-client-IP limit on the endpoints a script could abuse
//! (registrations, link recovery, login): a fixed one-minute window per
//! address, kept in memory per process.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The key a client is counted under: its IPv4 address, or the /64 an
/// IPv6 address belongs to (one subscriber line usually holds a whole /64,
/// so counting single addresses would let one client use 2^64 of them).
pub fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

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
        let entry = windows.entry(client_key(ip)).or_insert((now, 0));
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
    use super::{RateLimiter, client_key};

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

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        let limiter = RateLimiter::new(2);
        let one = Some("2001:db8:1:2::1".parse().expect("ip"));
        let same_64 = Some("2001:db8:1:2:ffff:eeee:dddd:cccc".parse().expect("ip"));
        let other_64 = Some("2001:db8:1:3::1".parse().expect("ip"));
        assert!(limiter.check(one).is_ok() && limiter.check(same_64).is_ok());
        assert!(limiter.check(one).is_err() && limiter.check(same_64).is_err(), "one /64, one budget");
        assert!(limiter.check(other_64).is_ok());
        assert_eq!(
            client_key("::ffff:192.0.2.7".parse().expect("ip")),
            "192.0.2.7".parse::<std::net::IpAddr>().expect("ip")
        );
    }
}
