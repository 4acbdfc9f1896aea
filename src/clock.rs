//! The local time now, for the dates fiche writes (documents, `updated`).
//!
//! `jiff::ZonedDateTime::now()` names the system time zone by loading the
//! whole time zone database first (on Linux, a walk of
//! `/usr/share/zoneinfo`): about 3.4 M instructions and many system calls,
//! more than the rest of `fiche render --format md` together (see
//! BENCHMARKS.md). Only the offset matters for a date, so when `TZ` is not
//! set, `/etc/localtime` is read as the C library reads it; anything else is
//! left to jiff.

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

/// The local date and time now.
pub fn now() -> ZonedDateTime {
    match local_zone() {
        Some(zone) => jiff::Timestamp::now().to_zoned_datetime(zone),
        None => ZonedDateTime::now(),
    }
}

/// `/etc/localtime` when `TZ` does not say otherwise and the file is a time
/// zone file.
fn local_zone() -> Option<TimeZone> {
    if !cfg!(unix) || std::env::var_os("TZ").is_some() {
        return None;
    }
    let data = std::fs::read("/etc/localtime").ok()?;
    TimeZone::tzif("localtime", &data).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same offset as jiff's own detection, now and six months from now
    /// (summer and winter time).
    #[test]
    fn the_same_offsets_as_jiff() {
        let ours = now();
        let theirs = ZonedDateTime::now();
        assert_eq!(ours.offset(), theirs.offset());
        let later = jiff::Timestamp::now()
            .checked_add(jiff::SignedDuration::from_hours(24 * 182))
            .unwrap();
        assert_eq!(
            ours.time_zone().to_offset(later),
            theirs.time_zone().to_offset(later)
        );
    }
}
