use chrono::NaiveDate;
use zugong_branch::*;
use zugong_core::*;

pub fn d(m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, dd).unwrap()
}

pub fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

/// County 1 → towns 10, 11 → branches 100 (town 10), 110 (town 11).
pub fn tree() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            id(1),
            "中共永宁县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        ),
        OrgUnit::new(
            id(10),
            "中共闽宁镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(11),
            "中共望洪镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(100),
            "原隆村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(id(10)),
        OrgUnit::new(
            id(110),
            "东和村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(id(11)),
    ])
    .unwrap()
}

/// Scores every indicator at `per_mille` of its maximum (rounded down to tenths), with evidence.
pub fn sheet(rubric: &Rubric, per_mille: u32) -> Scoresheet {
    let mut s = Scoresheet::default();
    for ind in rubric.data().dimensions.iter().flat_map(|x| &x.indicators) {
        s.scores.insert(
            ind.code.clone(),
            Points::from_tenths(ind.max.tenths() * per_mille / 1000),
        );
        s.evidence.insert(ind.code.clone(), vec!["台账".into()]);
    }
    s
}

/// A sheet for the 110-point preset whose indicators add up to exactly `tenths`.
pub fn sheet_110(rubric: &Rubric, tenths: u32) -> Scoresheet {
    let mut s = Scoresheet::default();
    let mut left = tenths;
    for ind in rubric.data().dimensions.iter().flat_map(|x| &x.indicators) {
        let give = left.min(ind.max.tenths());
        left -= give;
        s.scores.insert(ind.code.clone(), Points::from_tenths(give));
        s.evidence.insert(ind.code.clone(), vec!["台账".into()]);
    }
    assert_eq!(left, 0, "more than the indicators can hold");
    s
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
pub fn verified<'c, L: zugong_core::journal::Lifecycle + PartialEq>(
    journal: &zugong_core::journal::Journal<L>,
    context: impl Fn() -> L::Context<'c>,
) -> L {
    verified_all(journal, context)
        .remove(&stream::<L>())
        .unwrap_or_default()
}

/// The journal stored as JSON and read back through `verify`: every stream's state, which
/// must equal the live ones.
pub fn verified_all<'c, L: zugong_core::journal::Lifecycle + PartialEq>(
    journal: &zugong_core::journal::Journal<L>,
    context: impl Fn() -> L::Context<'c>,
) -> std::collections::BTreeMap<L::Id, L> {
    let json = serde_json::to_string(journal).unwrap();
    let entries: Vec<zugong_core::journal::Entry<L>> = serde_json::from_str(&json).unwrap();
    let again =
        zugong_core::journal::Journal::<L>::verify(entries, Some(journal.head()), |_| context())
            .unwrap();
    let states: std::collections::BTreeMap<L::Id, L> =
        again.streams().map(|(id, s)| (id, s.clone())).collect();
    for (id, s) in journal.streams() {
        assert!(
            states.get(&id) == Some(s),
            "stream {id} verifies to another state"
        );
    }
    states
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
