use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use zugong_core::journal::*;
use zugong_core::*;

/// A toy lifecycle: places taken against a cap.
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
}

impl Lifecycle for Places {
    type Command = i32;
    type Event = PlaceEvent;
    type Context<'c> = u32;
    type Error = PlaceError;
    fn decide(&self, n: &i32, cap: &u32) -> Result<Vec<PlaceEvent>, PlaceError> {
        if *n >= 0 {
            let n = n.unsigned_abs();
            if self.taken + n > *cap {
                Err(PlaceError::Cap)
            } else {
                Ok(vec![PlaceEvent::Taken(n)])
            }
        } else {
            let n = n.unsigned_abs();
            if n > self.taken {
                Err(PlaceError::Empty)
            } else {
                Ok(vec![PlaceEvent::Freed(n)])
            }
        }
    }
    fn apply(&mut self, e: &PlaceEvent) {
        match e {
            PlaceEvent::Taken(n) => self.taken += n,
            PlaceEvent::Freed(n) => self.taken -= n,
        }
    }
}

fn t0() -> DateTime<Utc> {
    "2026-01-05T09:00:00Z".parse().unwrap()
}

fn stamp(at: DateTime<Utc>, reason: &str) -> Stamp {
    Stamp::new(
        at,
        ActorId::from_uuid(uuid::Uuid::from_u128(7)),
        Authority::organization_department(OrgUnitId::from_uuid(uuid::Uuid::from_u128(1))),
        reason,
    )
}

/// A journal whose storage always fails.
struct Broken;
impl Journal<PlaceEvent> for Broken {
    fn append(&mut self, _: Stamp, _: Vec<PlaceEvent>) -> Result<u64, JournalError> {
        Err(JournalError::Storage("disk full".into()))
    }
    fn entries<'a>(&'a self) -> impl Iterator<Item = &'a Envelope<PlaceEvent>>
    where
        PlaceEvent: 'a,
    {
        std::iter::empty()
    }
    fn len(&self) -> u64 {
        0
    }
}

proptest! {
    #[test]
    fn replay_equals_state_and_refusals_change_nothing(cmds in prop::collection::vec(-5i32..6, 0..40)) {
        let cap = 10;
        let mut state = Places::default();
        let mut journal = MemoryJournal::new();
        for (i, c) in cmds.iter().enumerate() {
            let before = (state.clone(), journal.clone());
            let at = t0() + Duration::minutes(i as i64);
            match execute(&mut state, &mut journal, c, &cap, stamp(at, "调整")) {
                Ok(_) => prop_assert!(state.taken <= cap),
                Err(_) => prop_assert_eq!((state.clone(), journal.clone()), before),
            }
            prop_assert_eq!(replay::<Places>(journal.events()), state.clone());
        }
        let seqs: Vec<u64> = journal.entries().map(|e| e.sequence).collect();
        prop_assert_eq!(seqs, (1..=journal.len()).collect::<Vec<_>>());
        let json = serde_json::to_string(&journal).unwrap();
        prop_assert_eq!(serde_json::from_str::<MemoryJournal<PlaceEvent>>(&json).unwrap(), journal);
    }
}

#[test]
fn journal_refusals() {
    let mut state = Places::default();
    let mut journal = MemoryJournal::new();
    execute(&mut state, &mut journal, &3, &10, stamp(t0(), "增加")).unwrap();
    let earlier = t0() - Duration::days(1);
    assert_eq!(
        execute(&mut state, &mut journal, &1, &10, stamp(earlier, "补录")),
        Err(ExecuteError::Journal(JournalError::TimeWentBackwards {
            last: t0(),
            given: earlier
        }))
    );
    assert_eq!(
        execute(&mut state, &mut journal, &1, &10, stamp(t0(), " ")),
        Err(ExecuteError::Journal(JournalError::MissingReason))
    );
    assert_eq!(
        execute(&mut state, &mut journal, &9, &10, stamp(t0(), "超额")),
        Err(ExecuteError::Refused(PlaceError::Cap))
    );
    assert_eq!(
        execute(&mut state, &mut journal, &-9, &10, stamp(t0(), "释放")),
        Err(ExecuteError::Refused(PlaceError::Empty))
    );
    assert_eq!(state.taken, 3);
    assert_eq!(journal.len(), 1);
    let err = execute(&mut state, &mut Broken, &1, &10, stamp(t0(), "x")).unwrap_err();
    assert_eq!(
        err,
        ExecuteError::Journal(JournalError::Storage("disk full".into()))
    );
    assert_eq!(state.taken, 3, "a journal failure changes nothing");
}

#[test]
fn stored_journals_are_checked_when_read() {
    let mut journal = MemoryJournal::new();
    journal
        .append(
            stamp(t0(), "a"),
            vec![PlaceEvent::Taken(1), PlaceEvent::Taken(2)],
        )
        .unwrap();
    let mut json: serde_json::Value = serde_json::to_value(&journal).unwrap();
    assert_eq!(json[1]["sequence"], 2);
    assert_eq!(json[0]["reason"], "a");
    json[1]["sequence"] = 5.into();
    let err = serde_json::from_value::<MemoryJournal<PlaceEvent>>(json.clone()).unwrap_err();
    assert!(
        err.to_string()
            .contains("entry 5 found where 2 was expected"),
        "{err}"
    );
    json[1]["sequence"] = 2.into();
    json[1]["at"] = "2025-01-01T00:00:00Z".into();
    assert!(serde_json::from_value::<MemoryJournal<PlaceEvent>>(json.clone()).is_err());
    json[1]["at"] = "2026-01-05T09:00:00Z".into();
    json[1]["reason"] = "".into();
    assert!(serde_json::from_value::<MemoryJournal<PlaceEvent>>(json).is_err());
}
