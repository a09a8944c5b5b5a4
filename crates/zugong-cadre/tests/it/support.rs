use chrono::NaiveDate;
use zugong_core::journal::Act;
use zugong_core::*;

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

pub fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

pub fn cadre(n: u128) -> CadreId {
    CadreId::from_uuid(uuid::Uuid::from_u128(n))
}

/// The act of a clerk for `who` on `on`, at 09:00 China Standard Time.
pub fn act(on: NaiveDate, who: Authority) -> Act {
    Act::on_day(on, 0, ActorId::from_uuid(uuid::Uuid::from_u128(1)), who)
}

/// City 1 → county 2 → bureau 3 (county level) and township 4; county 5 elsewhere.
pub fn tree() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            id(1),
            "中共银川市委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        ),
        OrgUnit::new(
            id(2),
            "中共永宁县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(3),
            "县教育局党组",
            OrgKind::LeadingGroup,
            AdminLevel::County,
        )
        .with_parent(id(2)),
        OrgUnit::new(
            id(4),
            "中共望洪镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(2)),
        OrgUnit::new(
            id(5),
            "中共贺兰县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(id(1)),
    ])
    .unwrap()
}

/// Runs `command` on the test's one stream as a clerk of `who` on `on`, and mirrors the
/// stream's state into `state` (a refused command leaves both unchanged).
pub fn run<L: zugong_core::journal::Lifecycle>(
    state: &mut L,
    journal: &mut zugong_core::journal::Journal<L>,
    command: &L::Command,
    context: &L::Context<'_>,
    on: chrono::NaiveDate,
    who: zugong_core::Authority,
) -> Result<Vec<L::Event>, zugong_core::journal::ExecuteError<L::Error>> {
    let id = stream::<L>();
    let step = u32::try_from(journal.len()).unwrap_or(0);
    let act = zugong_core::journal::Act::on_day(
        on,
        step,
        zugong_core::ActorId::from_uuid(uuid::Uuid::from_u128(9)),
        who,
    );
    let r = journal.execute(id, command.clone(), act, "测试", context);
    if let Err(zugong_core::journal::ExecuteError::Refused(e)) = &r {
        assert_plain_refusal(e);
    }
    *state = journal.state(id).cloned().unwrap_or_default();
    r
}

/// The one stream a test's journal holds.
pub fn stream<L: zugong_core::journal::Lifecycle>() -> L::Id {
    L::Id::from(uuid::Uuid::from_u128(4242))
}

/// The journal stored as JSON and read back through `verify` with `context`: the state of
/// the test's stream it rebuilds.
pub fn verified<'c, L: zugong_core::journal::Lifecycle>(
    journal: &zugong_core::journal::Journal<L>,
    context: impl Fn() -> L::Context<'c>,
) -> L {
    let json = serde_json::to_string(journal).unwrap();
    let entries: Vec<zugong_core::journal::Entry<L>> = serde_json::from_str(&json).unwrap();
    let again =
        zugong_core::journal::Journal::<L>::verify(entries, Some(journal.head()), |_| context())
            .unwrap();
    again.state(stream::<L>()).cloned().unwrap_or_default()
}

/// A refusal's messages, in both languages, cite its rule and show no raw id and no Debug form.
pub fn assert_plain_refusal<E: zugong_core::journal::Refusal>(e: &E) {
    use zugong_core::journal::Language;
    for lang in [Language::Chinese, Language::English] {
        let m = e.message(lang);
        assert!(m.contains(&e.citation().to_string()), "no citation in {m}");
        let hex = |c: char| c.is_ascii_hexdigit();
        let chars: Vec<char> = m.chars().collect();
        let uuid = chars.windows(36).any(|w| {
            w.iter().enumerate().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => *c == '-',
                _ => hex(*c),
            })
        });
        assert!(!uuid, "a raw id in {m}");
        for debug in ["Some(", "None", "{ ", "\\\""] {
            assert!(!m.contains(debug), "a Debug form in {m}");
        }
    }
}
