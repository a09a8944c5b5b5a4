#![allow(clippy::result_large_err)]
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use zugong_core::journal::*;
use zugong_core::*;

/// A toy lifecycle: places taken against a cap, only by the county.
#[derive(Debug, Default, Clone, PartialEq)]
struct Places {
    taken: u32,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
enum PlaceEvent {
    Taken(u32),
    Freed(u32),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
enum PlaceError {
    #[error("cap exceeded")]
    Cap,
    #[error("nothing to free")]
    Empty,
    #[error("only the county may act")]
    NotCounty,
}

impl Refusal for PlaceError {
    fn citation(&self) -> Citation {
        Citation::new("《测试规定》", "第一条", SourceStatus::Provisional)
    }
}

struct Rules {
    cap: u32,
    county: OrgUnitId,
}

impl Lifecycle for Places {
    type Id = QuotaBookId;
    type Stage = u32;
    type Command = i32;
    type Event = PlaceEvent;
    type Context<'c> = &'c Rules;
    type Error = PlaceError;
    fn stage(&self) -> u32 {
        self.taken
    }
    fn opens(n: &i32) -> bool {
        // A book opens by taking places; taking none is allowed later, never as the first
        // command (the rules alone would let it through: the journal holds the shape).
        *n > 0
    }
    fn decide(
        &self,
        n: &i32,
        act: &Act,
        rules: &&Rules,
        peers: &Peers<'_, Self>,
    ) -> Result<Vec<PlaceEvent>, PlaceError> {
        if act.authority().unit != rules.county {
            return Err(PlaceError::NotCounty);
        }
        let elsewhere: u32 = peers.others().map(|(_, p)| p.taken).sum();
        let m = n.unsigned_abs();
        if *n >= 0 {
            if self.taken + elsewhere + m > rules.cap {
                Err(PlaceError::Cap)
            } else {
                Ok(vec![PlaceEvent::Taken(m)])
            }
        } else if m > self.taken {
            Err(PlaceError::Empty)
        } else {
            Ok(vec![PlaceEvent::Freed(m)])
        }
    }
    fn apply(&mut self, e: &PlaceEvent, _: &Applying) {
        match e {
            PlaceEvent::Taken(n) => self.taken += n,
            PlaceEvent::Freed(n) => self.taken -= n,
        }
    }
}

fn t0() -> DateTime<Utc> {
    "2026-01-05T01:00:00Z".parse().unwrap()
}

fn unit(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

fn act(at: DateTime<Utc>, by: OrgUnitId) -> Act {
    Act::new(
        at,
        ActorId::from_uuid(uuid::Uuid::from_u128(7)),
        Authority::organization_department(by),
    )
}

fn book(n: u128) -> QuotaBookId {
    QuotaBookId::from_uuid(uuid::Uuid::from_u128(n))
}

const RULES: Rules = Rules {
    cap: 10,
    county: OrgUnitId::from_uuid(uuid::Uuid::from_u128(1)),
};

/// An honest journal of four entries over two streams.
fn honest() -> Journal<Places> {
    let mut j = Journal::new();
    let steps = [(1, 3), (2, 2), (1, -1), (2, 4)];
    for (i, (b, n)) in steps.into_iter().enumerate() {
        let at = t0() + Duration::minutes(i64::try_from(i).unwrap());
        j.execute(book(b), n, act(at, unit(1)), format!("step {i}"), &&RULES)
            .unwrap();
    }
    j
}

fn verify(
    entries: Vec<Entry<Places>>,
    head: Option<Digest>,
) -> Result<Journal<Places>, VerifyError> {
    Journal::<Places>::verify(entries, head, |_| &RULES)
}

fn json_lines(j: &Journal<Places>) -> Vec<String> {
    j.entries()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect()
}

fn parse(lines: &[String]) -> Result<Vec<Entry<Places>>, serde_json::Error> {
    lines.iter().map(|l| serde_json::from_str(l)).collect()
}

#[test]
fn an_honest_journal_verifies_to_the_live_state() {
    let j = honest();
    let again = verify(parse(&json_lines(&j)).unwrap(), Some(j.head())).unwrap();
    assert_eq!(again.state(book(1)), j.state(book(1)));
    assert_eq!(again.state(book(2)).map(|p| p.taken), Some(6));
    assert_eq!(again.head(), j.head());
    let e = &j.entries()[2];
    assert_eq!((e.position(), e.sequence(), e.stream()), (3, 2, book(1)));
    assert_eq!(e.previous(), j.entries()[1].digest());
}

#[test]
fn refusals_change_nothing_and_peers_count() {
    let mut j = honest();
    let before = j.head();
    let late = t0() + Duration::hours(1);
    // 3 + 2 - 1 + 4 = 8 taken over both books: a third book may take 2, not 3.
    assert!(matches!(
        j.execute(book(3), 3, act(late, unit(1)), "three", &&RULES),
        Err(ExecuteError::Refused(PlaceError::Cap))
    ));
    assert!(matches!(
        j.execute(book(3), 1, act(late, unit(5)), "by a village", &&RULES),
        Err(ExecuteError::Refused(PlaceError::NotCounty))
    ));
    assert!(matches!(
        j.execute(book(3), 1, act(late, unit(1)), "  ", &&RULES),
        Err(ExecuteError::Journal(JournalError::MissingReason))
    ));
    assert!(matches!(
        j.execute(book(3), 1, act(t0(), unit(1)), "back in time", &&RULES),
        Err(ExecuteError::Journal(
            JournalError::TimeWentBackwards { .. }
        ))
    ));
    assert_eq!(j.head(), before);
    assert_eq!(j.len(), 4);
    assert!(
        j.execute(book(3), 2, act(late, unit(1)), "two", &&RULES)
            .is_ok()
    );
}

fn failure_of(lines: Vec<String>, head: Option<Digest>) -> (u64, VerifyFailure) {
    let err = verify(parse(&lines).unwrap(), head).unwrap_err();
    (err.position(), err.failure().clone())
}

#[test]
fn an_edited_entry_is_found() {
    let j = honest();
    let mut lines = json_lines(&j);
    lines[1] = lines[1].replace("\"command\":2", "\"command\":9");
    assert_eq!(failure_of(lines, None), (2, VerifyFailure::DigestMismatch));
}

#[test]
fn a_deleted_entry_is_found() {
    let j = honest();
    let mut lines = json_lines(&j);
    lines.remove(1);
    let (pos, f) = failure_of(lines, None);
    assert_eq!(pos, 2);
    assert!(matches!(
        f,
        VerifyFailure::PositionOutOfOrder {
            expected: 2,
            found: 3
        }
    ));
}

#[test]
fn reordered_duplicated_and_inserted_entries_are_found() {
    let j = honest();
    let mut lines = json_lines(&j);
    lines.swap(1, 2);
    assert!(matches!(
        failure_of(lines, None).1,
        VerifyFailure::PositionOutOfOrder { .. }
    ));
    let mut lines = json_lines(&j);
    let dup = lines[1].clone();
    lines.insert(2, dup);
    assert_eq!(failure_of(lines, None).0, 3);
}

#[test]
fn a_cut_short_journal_is_found_by_its_recorded_head() {
    let j = honest();
    let mut lines = json_lines(&j);
    lines.pop();
    // Without the head the shorter journal is honest history…
    assert!(verify(parse(&lines).unwrap(), None).is_ok());
    // …with it, the missing end is found.
    assert!(matches!(
        failure_of(lines, Some(j.head())).1,
        VerifyFailure::HeadMismatch { .. }
    ));
}

/// A forger who knows the digest recomputes the whole chain: the rules still refuse.
#[test]
fn a_rechained_forgery_is_refused_by_the_rules() {
    let mut forged = Journal::<Places>::new();
    let lax = Rules {
        cap: 100,
        county: unit(5),
    };
    forged
        .execute(book(1), 50, act(t0(), unit(5)), "by a village", &&lax)
        .unwrap();
    let (pos, f) = failure_of(json_lines(&forged), None);
    assert_eq!(pos, 1);
    let VerifyFailure::Refused { citation, .. } = f else {
        panic!("{f:?}")
    };
    assert_eq!(citation.article, "第一条");
}

#[test]
fn verify_errors_name_the_rule_in_both_languages() {
    let j = honest();
    let mut lines = json_lines(&j);
    lines.remove(0);
    let err = verify(parse(&lines).unwrap(), None).unwrap_err();
    assert_eq!(err.citation(), citation::sources::JOURNAL_INTEGRITY);
    assert!(err.message(Language::Chinese).contains("第 1 条纪实"));
    assert!(err.message(Language::English).contains("entry 1"));
}

#[test]
fn acts_read_their_day_in_china_standard_time() {
    let a = act("2026-03-01T16:30:00Z".parse().unwrap(), unit(1));
    assert_eq!(
        a.day(),
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    );
    let end = Act::on_day(chrono::NaiveDate::MAX, 5, a.actor(), a.authority());
    assert!(end.day() >= chrono::NaiveDate::MIN);
    let start = Act::on_day(chrono::NaiveDate::MIN, 5, a.actor(), a.authority());
    assert!(start.at() <= end.at());
}

proptest! {
    /// Random commands: the journal verifies and replays to the live state.
    #[test]
    fn random_commands_verify_and_replay(cmds in prop::collection::vec((1u128..4, -5i32..6), 0..40)) {
        let mut j = Journal::<Places>::new();
        for (i, (b, n)) in cmds.iter().enumerate() {
            let at = t0() + Duration::seconds(i64::try_from(i).unwrap());
            let _ = j.execute(book(*b), *n, act(at, unit(1)), "step", &&RULES);
        }
        let again = verify(parse(&json_lines(&j)).unwrap(), Some(j.head())).unwrap();
        for b in 1..4 {
            prop_assert_eq!(again.state(book(b)), j.state(book(b)));
        }
        let total: u32 = j.streams().map(|(_, p)| p.taken).sum();
        prop_assert!(total <= RULES.cap);
    }

    /// Any single-byte change of a stored journal is found: it no longer parses, or it no
    /// longer verifies against its recorded head.
    #[test]
    fn any_single_byte_change_is_found(index in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let j = honest();
        let text = json_lines(&j).join("\n");
        let mut bytes = text.into_bytes();
        let i = index.index(bytes.len());
        prop_assume!(bytes[i] != byte);
        bytes[i] = byte;
        let Ok(text) = String::from_utf8(bytes) else { return Ok(()) };
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        // A line must be the canonical text of what it parses to (a reader that allowed
        // other spellings of the same value would accept a changed byte).
        let canonical = parse(&lines).ok().filter(|entries| {
            entries.iter().zip(&lines).all(|(e, l)| serde_json::to_string(e).unwrap() == *l)
        });
        if let Some(entries) = canonical {
            prop_assert!(verify(entries, Some(j.head())).is_err());
        }
    }
}

/// Values that format themselves (dates, times, long texts) hash as the text they format to,
/// whether the text fits the encoder's stack buffer or not.
#[test]
fn formatted_values_hash_as_their_text() {
    struct Formatted(String);
    impl serde::Serialize for Formatted {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&self.0)
        }
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(Digest::of(&day).unwrap(), Digest::of("2026-12-01").unwrap());
    for n in [0, 95, 96, 97, 400] {
        let text = "纪".repeat(n / 3) + &"x".repeat(n % 3);
        assert_eq!(
            Digest::of(&Formatted(text.clone())).unwrap(),
            Digest::of(text.as_str()).unwrap(),
            "{n}"
        );
    }
    // A digest's text form is 64 lowercase hex digits and reads back.
    let d = Digest::of(&day).unwrap();
    assert_eq!(d.to_string().len(), 64);
    assert_eq!(d.to_string().parse::<Digest>().unwrap(), d);
    assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{d}\""));
}

/// The canonical encoding is part of every stored journal: it may never change. This pins the
/// digest of a few values of each serde shape.
#[test]
fn the_canonical_encoding_is_stable() {
    #[derive(serde::Serialize)]
    enum Shape {
        Unit,
        Tuple(i32, bool),
        Struct {
            text: String,
            list: Vec<u8>,
            none: Option<u8>,
        },
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let value = (
        "组工",
        42u64,
        -7i64,
        1.5f64,
        'x',
        day,
        [
            Shape::Unit,
            Shape::Tuple(-1, true),
            Shape::Struct {
                text: "公示".into(),
                list: vec![1, 2],
                none: None,
            },
        ],
        std::collections::BTreeMap::from([("a", 1u8), ("b", 2u8)]),
    );
    assert_eq!(
        Digest::of(&value).unwrap().to_string(),
        "8bda920faf35e0e8b714999122153df21f8733316e334247c913f67584d08494"
    );
}

/// Every stream begins with its lifecycle's opening command.
#[test]
fn a_stream_begins_with_its_opening_command() {
    let mut j = honest();
    let at = t0() + Duration::hours(1);
    assert_eq!(
        j.execute(book(9), 0, act(at, unit(1)), "nothing first", &&RULES),
        Err(ExecuteError::Journal(JournalError::NotOpened))
    );
    assert_eq!(j.len(), 4, "nothing recorded");
    // An open stream takes any command its rules allow.
    j.execute(book(1), -1, act(at, unit(1)), "free", &&RULES)
        .unwrap();
    let text = JournalError::NotOpened.message(Language::Chinese);
    assert!(text.contains("启动命令"), "{text}");
}
