//! The report as plain text for a terminal: aligned tables (CJK characters counted two
//! columns wide), each finding with its rule and citation, at most a dozen items shown per
//! finding (the JSON form has them all).

use std::fmt::Write;

use zugong_dataset::lang::{Lang, tr};
use zugong_report::{Finding, Report, StarRow, TrainingRow};

/// Items shown per finding in text.
const ITEMS_SHOWN: usize = 12;
/// Rows shown per table in text.
const ROWS_SHOWN: usize = 40;

/// Display width: CJK and full-width characters count two columns.
pub(crate) fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if (c as u32) >= 0x1100 && !matches!(c as u32, 0x2000..=0x206f | 0x2500..=0x25ff) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// `s` right-aligned in `w` columns.
pub(crate) fn rjust(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// `s` padded with spaces to `w` columns (cut with `…` when longer).
pub(crate) fn pad(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if used + cw > w.saturating_sub(1) && width(s) > w {
            out.push('…');
            used += 1;
            break;
        }
        out.push(c);
        used += cw;
    }
    while used < w {
        out.push(' ');
        used += 1;
    }
    out
}

fn permille(n: u64, of: u64) -> String {
    if of == 0 {
        return "—".into();
    }
    format!("{:.1}%", n as f64 * 100.0 / of as f64)
}

/// Notes the rows a table leaves out.
fn more_rows(out: &mut String, rows: usize, lang: Lang) {
    if rows > ROWS_SHOWN {
        let more = rows - ROWS_SHOWN;
        let _ = writeln!(
            out,
            "  … {}",
            match lang {
                Lang::Zh => format!("另 {more} 行从略（见 --format json）"),
                Lang::En => format!("{more} more rows (see --format json)"),
            }
        );
    }
}

fn star_table(out: &mut String, rows: &[StarRow], lang: Lang) {
    let mut head = format!("  {}", pad(lang.t("单位", "unit"), 34));
    for h in [
        lang.t("五星", "5★"),
        lang.t("四星", "4★"),
        lang.t("三星", "3★"),
        lang.t("二星", "2★"),
        lang.t("一星", "1★"),
        lang.t("无星", "0★"),
    ] {
        head.push_str(&rjust(h, 6));
    }
    for h in [lang.t("整顿中", "weak"), lang.t("已销号", "closed")] {
        head.push_str(&rjust(h, 8));
    }
    let _ = writeln!(out, "{head}");
    for r in rows.iter().take(ROWS_SHOWN) {
        let [n0, n1, n2, n3, n4, n5] = r.by_stars;
        let _ = writeln!(
            out,
            "  {}{n5:>6}{n4:>6}{n3:>6}{n2:>6}{n1:>6}{n0:>6}{:>8}{:>8}",
            pad(&r.unit, 34),
            r.weak_open,
            r.weak_closed
        );
    }
    more_rows(out, rows.len(), lang);
}

fn training_table(out: &mut String, rows: &[TrainingRow], lang: Lang) {
    let mut head = format!("  {}", pad(lang.t("单位", "unit"), 34));
    for (h, w) in [
        (lang.t("党员", "members"), 8),
        (lang.t("达标", "met"), 8),
        (lang.t("不足", "short"), 8),
        (lang.t("缺学时", "missing"), 10),
        (lang.t("市级", "city"), 9),
        (lang.t("县级", "county"), 9),
        (lang.t("基层", "grassroots"), 11),
    ] {
        head.push_str(&rjust(h, w));
    }
    let _ = writeln!(out, "{head}");
    for r in rows.iter().take(ROWS_SHOWN) {
        let [c, k, g] = r.reached_by_tier;
        let _ = writeln!(
            out,
            "  {}{:>8}{:>8}{:>8}{:>10}{c:>9}{k:>9}{g:>11}",
            pad(&r.unit, 34),
            r.members,
            r.met,
            r.short,
            r.missing_hours
        );
    }
    more_rows(out, rows.len(), lang);
}

fn finding(out: &mut String, i: usize, f: &Finding, lang: Lang) {
    let _ = writeln!(
        out,
        "[{}] {} — {} {} — {} {}",
        i + 1,
        f.rule,
        lang.t("依据", "rule:"),
        super::english::verbatim(&f.citation),
        f.subjects.len(),
        lang.t("处", "case(s)")
    );
    for zugong_report::Subject {
        name: who,
        detail: what,
        ..
    } in f.subjects.iter().take(ITEMS_SHOWN)
    {
        let _ = writeln!(out, "    • {who}：{what}");
    }
    if f.subjects.len() > ITEMS_SHOWN {
        let _ = writeln!(
            out,
            "    … {}",
            match lang {
                Lang::Zh => format!(
                    "另 {} 处从略（见 --format json）",
                    f.subjects.len() - ITEMS_SHOWN
                ),
                Lang::En => format!(
                    "{} more (see --format json)",
                    f.subjects.len() - ITEMS_SHOWN
                ),
            }
        );
    }
}

/// 六、基层组织建设: organizational life, 换届, the collective economy, 两个覆盖.
fn grassroots(o: &mut String, g: &zugong_report::GrassrootsSection, lang: Lang) {
    let _ = writeln!(
        o,
        "\n== {} ==",
        lang.t(
            "六、组织生活、换届、集体经济与两个覆盖",
            "6. Organizational life, terms, collective economy, coverage"
        )
    );
    if g.life_checked > 0 {
        let missed: Vec<String> = g
            .life_missed
            .iter()
            .map(
                |zugong_report::MissedMeetings {
                     kind: k,
                     intervals: n,
                     ..
                 }| format!("{k} {n}"),
            )
            .collect();
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "组织生活：核查支部 {}，全部按期 {}；缺期（按类型）{}；未达到会要求的会议 {}",
                "Organizational life: {} branches checked, {} complete; intervals missed by kind {}; meetings without quorum {}",
                g.life_checked,
                g.life_complete,
                if missed.is_empty() {
                    "—".to_owned()
                } else {
                    missed.join(lang.t("，", ", "))
                },
                g.life_under_attended
            )
        );
    }
    if g.terms > 0 || g.elections > 0 {
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "换届：在册届期 {}，临近届满 {}，超期未换届 {}；选举 {} 次，不符合规定 {}",
                "Terms: {} on record, {} ending soon, {} past due; {} elections, {} not valid",
                g.terms,
                g.terms_reminded,
                g.terms_overdue,
                g.elections,
                g.elections_void
            )
        );
    }
    if let (Some(year), Some(t)) = (g.economy_year, &g.economy_total) {
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "村集体经济（{year} 年度）：{} 个村，空壳村 {}，薄弱村 {}，一般村及以上 {}；经营性收入合计 {}",
                "Collective economy ({year}): {} villages, {} with no operating income, {} weak, {} ordinary or better; operating income {}",
                t.villages,
                t.shell,
                t.weak,
                t.ordinary,
                zugong_report::wan(t.operating_income)
            )
        );
        let _ = writeln!(
            o,
            "  {}{}{}{}{}  {}",
            pad("", 30),
            rjust(lang.t("村", "vill."), 7),
            rjust(lang.t("空壳", "shell"), 6),
            rjust(lang.t("薄弱", "weak"), 6),
            rjust(lang.t("一般", "ord."), 6),
            lang.t("经营性收入", "operating income")
        );
        for row in g.economy_by_town.iter().take(ROWS_SHOWN) {
            let _ = writeln!(
                o,
                "  {}{:>7}{:>6}{:>6}{:>6}  {}",
                pad(row.unit.get(lang), 30),
                row.villages,
                row.shell,
                row.weak,
                row.ordinary,
                zugong_report::wan(row.operating_income)
            );
        }
        more_rows(o, g.economy_by_town.len(), lang);
    }
    if let Some(t) = &g.coverage_total {
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "两个覆盖：两新组织 {}，党员 {}；单独组建 {}，联合组建 {}，选派党建指导员 {}；组织覆盖率 {}，工作覆盖率 {}",
                "Coverage: {} organizations, {} members; {} own, {} joint, {} instructor only; organizational {}, work {}",
                t.organizations,
                t.members,
                t.own,
                t.joint,
                t.instructor,
                zugong_report::percent(t.organizational_permille),
                zugong_report::percent(t.work_permille)
            )
        );
        for row in g.coverage_by_industry.iter().take(ROWS_SHOWN) {
            let _ = writeln!(
                o,
                "  {}{:>5}  {} {}  {} {}",
                pad(row.group.get(lang), 20),
                row.organizations,
                lang.t("组织覆盖", "organized"),
                zugong_report::percent(row.organizational_permille),
                lang.t("工作覆盖", "worked"),
                zugong_report::percent(row.work_permille)
            );
        }
        more_rows(o, g.coverage_by_industry.len(), lang);
    }
}

/// 七、党员发展与管理: the roster by stage, plans, transfers, members away, dues.
fn members(o: &mut String, m: &zugong_report::MemberSection, lang: Lang) {
    let _ = writeln!(
        o,
        "\n== {} ==",
        lang.t("七、党员发展与管理", "7. Member development and management")
    );
    if !m.roster_by_stage.is_empty() {
        let stages: Vec<String> = m.roster_by_stage.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            o,
            "{}：{}",
            lang.t("发展党员台账", "Development roster"),
            stages.join(lang.t("，", ", "))
        );
    }
    for zugong_report::PlanRow {
        committee,
        planned,
        admitted,
        ..
    } in m.plans.iter().take(ROWS_SHOWN)
    {
        let _ = writeln!(
            o,
            "  {}{} {planned:>4}  {} {admitted:>4}",
            pad(committee, 30),
            lang.t("计划", "planned"),
            lang.t("已接收", "admitted")
        );
    }
    more_rows(o, m.plans.len(), lang);
    let _ = writeln!(
        o,
        "{}",
        tr!(
            lang,
            "组织关系转接待接收 {}（最长 {} 天）；外出党员 {}，其中流动党员 {}",
            "Transfers pending {} (longest {} days); members away {}, of them mobile {}",
            m.transfers_pending,
            m.transfers_longest_days,
            m.away,
            m.mobile
        )
    );
    if m.dues_members > 0 {
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "党费：{} 名党员，欠交 {}，连续 6 个月以上未交 {}，交纳额与标准不符 {}",
                "Dues: {} members, {} in arrears, {} unpaid six months or more, {} charged otherwise than the rules",
                m.dues_members,
                m.dues_in_arrears,
                m.dues_lapse,
                m.dues_miscalculated
            )
        );
    }
}

/// Renders the report as text.
pub(crate) fn render(r: &Report, lang: Lang) -> String {
    let mut o = String::new();
    let t = &r.totals;
    let _ = writeln!(o, "== {} ==", r.heading().get(lang));
    let _ = writeln!(
        o,
        "{}",
        match lang {
            Lang::Zh => format!(
                "规模：组织 {} 个，评星支部 {} 个，党员 {} 名（参训记录 {} 条），干部 {} 名（职位 {} 个），人才 {} 名",
                t.units, t.branches, t.members, t.attendance, t.cadres, t.posts, t.talents
            ),
            Lang::En => format!(
                "Size: {} units, {} rated branches, {} members ({} attendance rows), {} cadres ({} posts), {} talents",
                t.units, t.branches, t.members, t.attendance, t.cadres, t.posts, t.talents
            ),
        }
    );

    // Stars.
    let s = &r.stars;
    let _ = writeln!(
        o,
        "\n== {} ==",
        lang.t(
            "一、五星支部与软弱涣散整顿",
            "1. Five-star branches and weak branches"
        )
    );
    let _ = writeln!(
        o,
        "{}：{}（{}）",
        lang.t("评星办法", "Rubric"),
        super::english::verbatim(&s.rubric),
        super::english::verbatim(&s.rubric_source)
    );
    let [n0, n1, n2, n3, n4, n5] = s.total;
    let [l0, l1, l2, l3, l4, l5] = s.last_year;
    let _ = writeln!(
        o,
        "{}：五星 {n5}  四星 {n4}  三星 {n3}  二星 {n2}  一星 {n1}  无星 {n0}",
        lang.t("本年", "This year")
    );
    let _ = writeln!(
        o,
        "{}：五星 {l5}  四星 {l4}  三星 {l3}  二星 {l2}  一星 {l1}  无星 {l0}",
        lang.t("上年", "Last year")
    );
    for zugong_report::GuidanceRow {
        band,
        target_permille: target,
        actual_permille: actual,
        ..
    } in &s.guidance
    {
        let _ = writeln!(
            o,
            "  {} {band}：{} {:.1}%，{} {:.1}%",
            lang.t("指导比例", "guidance"),
            lang.t("目标", "target"),
            f64::from(*target) / 10.0,
            lang.t("实际", "actual"),
            f64::from(*actual) / 10.0
        );
    }
    let _ = writeln!(
        o,
        "{}：",
        lang.t("按乡镇（街道）和机关、两新党委", "By town and committee")
    );
    star_table(&mut o, &s.by_town, lang);
    if !s.by_county.is_empty() {
        let _ = writeln!(o, "{}：", lang.t("按县（区）", "By county"));
        star_table(&mut o, &s.by_county, lang);
    }
    let open = s
        .weak
        .iter()
        .filter(|w| w.status == zugong_branch::RectificationStatus::UnderRectification)
        .count();
    let overdue = s.weak.iter().filter(|w| w.overdue).count();
    let _ = writeln!(
        o,
        "{}：{} {}（{} {open}，{} {overdue}）",
        lang.t("软弱涣散基层党组织", "Weak branches"),
        s.weak.len(),
        lang.t("个", ""),
        lang.t("整顿中", "under rectification"),
        lang.t("逾期", "overdue"),
    );
    for w in s.weak.iter().take(ROWS_SHOWN) {
        let _ = writeln!(
            o,
            "  {} {}（{}）：{} — {}{}",
            if w.overdue { "!" } else { "-" },
            w.branch,
            w.group,
            if w.bases.is_empty() {
                lang.t("已列入整顿（依数据集所记）", "listed (as the data record)")
                    .to_owned()
            } else {
                let bases: Vec<&str> = w.bases.iter().map(|b| b.get(lang)).collect();
                bases.join("；")
            },
            zugong_report::status_text(w.status).get(lang),
            w.deadline
                .map(|d| format!("，{} {d}", lang.t("期限", "deadline")))
                .unwrap_or_default()
        );
    }
    for j in &s.rating_journals {
        let [n0, n1, n2, n3, n4, n5] = j.awarded;
        let _ = writeln!(
            o,
            "{}",
            match lang {
                Lang::Zh => format!(
                    "评星日志 {}：参评支部 {} 个，授星 五星 {n5} 四星 {n4} 三星 {n3} 二星 {n2} 一星 {n1} 无星 {n0}，未完成 {}",
                    j.journal, j.rounds, j.open
                ),
                Lang::En => format!(
                    "Rating journal {}: {} branches rated, awarded 5★ {n5} 4★ {n4} 3★ {n3} 2★ {n2} 1★ {n1} 0★ {n0}, {} open",
                    j.journal, j.rounds, j.open
                ),
            }
        );
    }
    if s.weak.len() > ROWS_SHOWN {
        more_rows(&mut o, s.weak.len(), lang);
    }

    // Training.
    let tr = &r.training;
    let _ = writeln!(
        o,
        "\n== {} ==",
        lang.t(
            "二、党员教育培训（三级培训体系）",
            "2. Member training (three tiers)"
        )
    );
    let _ = writeln!(o, "{}：{}", lang.t("要求", "Requirement"), tr.rule);
    let [rc, rk, rg] = tr.total.reached_by_tier;
    let [hc, hk, hg] = tr.total.hours_by_tier;
    let _ = writeln!(
        o,
        "{}",
        match lang {
            Lang::Zh => format!(
                "党员 {} 名，达标 {} 名（{}），不足 {} 名，共缺 {} 学时",
                tr.total.members,
                tr.total.met,
                permille(tr.total.met, tr.total.members),
                tr.total.short,
                tr.total.missing_hours
            ),
            Lang::En => format!(
                "{} members, {} met ({}), {} short, {} 学时 missing",
                tr.total.members,
                tr.total.met,
                permille(tr.total.met, tr.total.members),
                tr.total.short,
                tr.total.missing_hours
            ),
        }
    );
    let _ = writeln!(
        o,
        "{}：{} {rc}/{hc}；{} {rk}/{hk}；{} {rg}/{hg}",
        lang.t("覆盖（人/学时）", "Reach (members/学时)"),
        lang.t("市级重点培训", "city key"),
        lang.t("县级普遍培训", "county universal"),
        lang.t("基层兜底培训", "grassroots fallback"),
    );
    training_table(&mut o, &tr.by_town, lang);
    for j in &tr.fallback_journals {
        let _ = writeln!(
            o,
            "{}",
            match lang {
                Lang::Zh => format!(
                    "兜底培训日志 {}：{} 个班次（结业 {}），参训 {} 人，记入 {} 学时",
                    j.journal, j.classes, j.closed, j.participants, j.credited_hours
                ),
                Lang::En => format!(
                    "Fallback-training journal {}: {} classes ({} closed), {} participants, {} 学时 credited",
                    j.journal, j.classes, j.closed, j.participants, j.credited_hours
                ),
            }
        );
    }
    if !tr.by_county.is_empty() {
        let _ = writeln!(o, "{}：", lang.t("按县（区）", "By county"));
        training_table(&mut o, &tr.by_county, lang);
    }

    // Cadres.
    let c = &r.cadres;
    let _ = writeln!(o, "\n== {} ==", lang.t("三、干部选育管用", "3. Cadres"));
    let over = c.quotas.iter().filter(|q| q.used > q.allotted).count();
    let _ = writeln!(
        o,
        "{}",
        match lang {
            Lang::Zh => format!(
                "职数：{} 条核定 {} 名，实配 {} 名；超职数 {over} 条；空缺职位 {} 个",
                c.quotas.len(),
                c.allotted,
                c.used,
                c.vacancies.len()
            ),
            Lang::En => format!(
                "Quotas: {} lines, {} allotted, {} held; {over} over quota; {} vacant posts",
                c.quotas.len(),
                c.allotted,
                c.used,
                c.vacancies.len()
            ),
        }
    );
    if c.establishment.institutions > 0 {
        let e = c.establishment;
        let _ = writeln!(
            o,
            "{}",
            match lang {
                Lang::Zh => format!(
                    "编制：{} 个单位核定编制 {} 名，其中单位领导职数 {} 名",
                    e.institutions, e.staff, e.leadership_posts
                ),
                Lang::En => format!(
                    "Establishment: {} institutions, {} staff approved, of which {} leadership posts",
                    e.institutions, e.staff, e.leadership_posts
                ),
            }
        );
    }
    for zugong_report::VacancyRow {
        post, unit, rank, ..
    } in c.vacancies.iter().take(8)
    {
        let _ = writeln!(o, "  {} {unit} {post}（{rank}）", lang.t("空缺", "vacant"));
    }
    if c.vacancies.len() > 8 {
        let more = c.vacancies.len() - 8;
        let _ = writeln!(
            o,
            "  … {}",
            match lang {
                Lang::Zh => format!("另 {more} 个空缺职位从略（见 --format json）"),
                Lang::En => format!("{more} more vacant posts (see --format json)"),
            }
        );
    }
    let _ = writeln!(
        o,
        "{}：{}",
        lang.t("在途选任", "Selections in progress"),
        c.selections.len()
    );
    for sel in &c.selections {
        let _ = writeln!(
            o,
            "  {} {}（{}）— {}：{}{}{}",
            sel.unit,
            sel.post,
            sel.candidates.join("、"),
            lang.t("环节", "stage"),
            zugong_report::stage_name(sel.stage, lang),
            sel.decided_by
                .as_ref()
                .map(|d| format!("，{} {d}", lang.t("决定", "decided by")))
                .unwrap_or_default(),
            sel.publicity
                .map(
                    |zugong_report::Days {
                         from: a, until: b, ..
                     }| format!("，{} {a} 至 {b}", lang.t("公示", "publicity"))
                )
                .unwrap_or_default()
        );
    }
    if let Some(year) = c.assessment_year {
        let [e, k, b, i] = c.grades;
        let over = c.assessment.iter().filter(|a| a.excellent > a.cap).count();
        let _ = writeln!(
            o,
            "{}",
            match lang {
                Lang::Zh => format!(
                    "{year} 年度考核：优秀 {e}，称职 {k}，基本称职 {b}，不称职 {i}；优秀比例超限单位 {over} 个"
                ),
                Lang::En => format!(
                    "{year} assessment: 优秀 {e}, 称职 {k}, 基本称职 {b}, 不称职 {i}; {over} units over the 优秀 cap"
                ),
            }
        );
    }
    let _ = writeln!(
        o,
        "{}",
        match lang {
            Lang::Zh => format!(
                "交流：{} 名干部到达交流年限；回避：{} 条亲属关系发现",
                c.rotations_due, c.recusals
            ),
            Lang::En => format!(
                "Rotation: {} cadres due; recusal: {} kinship findings",
                c.rotations_due, c.recusals
            ),
        }
    );

    // Talent.
    let tl = &r.talent;
    let _ = writeln!(o, "\n== {} ==", lang.t("四、人才梯次", "4. Talent tiers"));
    for (
        zugong_report::TierCount { tier, count: n, .. },
        zugong_report::TierCount { count: started, .. },
    ) in tl.by_tier.iter().zip(&tl.started)
    {
        let _ = writeln!(
            o,
            "  {}{n:>6} {}（{} {started}）",
            pad(tier, 16),
            lang.t("人在培养期", "in a tenure"),
            lang.t("本年新入选", "new this year")
        );
    }
    for zugong_report::IndustryCount {
        tier,
        industry,
        count: n,
        ..
    } in tl.by_industry.iter().take(ROWS_SHOWN)
    {
        let _ = writeln!(o, "    {} × {industry}：{n}", tier);
    }
    let _ = writeln!(
        o,
        "{}：{}",
        zugong_report::due_heading().get(lang),
        tl.due.len()
    );
    for zugong_report::DueRow {
        talent: name,
        tier,
        what,
        on,
        ..
    } in tl.due.iter().take(ITEMS_SHOWN)
    {
        let _ = writeln!(o, "  {name}（{tier}）{what} {on}");
    }

    for j in &r.members.development_journals {
        let stages: Vec<String> = j.by_stage.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            o,
            "{} {}：{} {}（{}）",
            lang.t("发展党员日志", "Development journal"),
            j.journal,
            j.paths,
            lang.t("人", "paths"),
            stages.join(lang.t("，", ", "))
        );
    }

    // Burden.
    let b = &r.burden;
    let _ = writeln!(
        o,
        "\n== {} ==",
        lang.t("五、村（社区）党组织负担", "5. Burden on village branches")
    );
    let _ = writeln!(
        o,
        "{}",
        match lang {
            Lang::Zh => format!(
                "{} 个支部承接下派事项 {} 项、{} 小时；未完成 {}，逾期 {}；平均每个支部 {:.1} 项",
                b.branches,
                b.tasks,
                b.hours,
                b.open,
                b.overdue,
                if b.branches == 0 {
                    0.0
                } else {
                    b.tasks as f64 / b.branches as f64
                }
            ),
            Lang::En => format!(
                "{} branches carry {} pushed tasks, {} hours; {} open, {} overdue; {:.1} tasks a branch",
                b.branches,
                b.tasks,
                b.hours,
                b.open,
                b.overdue,
                if b.branches == 0 {
                    0.0
                } else {
                    b.tasks as f64 / b.branches as f64
                }
            ),
        }
    );
    for zugong_report::LoadRow {
        group: level,
        tasks,
        hours,
        ..
    } in &b.by_source_level
    {
        let _ = writeln!(
            o,
            "  {} {level}：{tasks} / {hours}h",
            lang.t("来自", "from")
        );
    }
    for zugong_report::LoadRow {
        group: kind,
        tasks,
        hours,
        ..
    } in &b.by_source_kind
    {
        let _ = writeln!(o, "  {} {kind}：{tasks} / {hours}h", lang.t("来自", "from"));
    }
    if b.territorial.tasks > 0 {
        let _ = writeln!(
            o,
            "  {}：{} / {}h",
            lang.t("以属地管理名义下派", "pushed down as 属地管理"),
            b.territorial.tasks,
            b.territorial.hours
        );
    }
    for zugong_report::HeavySource {
        source: name,
        kind,
        tasks,
        organizations: branches,
        ..
    } in &b.heavy_sources
    {
        let _ = writeln!(
            o,
            "  ! {name}（{kind}）：{tasks} {} → {branches} {}",
            lang.t("项", "tasks"),
            lang.t(
                "个组织，超过每个组织的限额",
                "organizations, over the per-organization figure"
            )
        );
    }
    for zugong_report::HeaviestBranch {
        branch: name,
        tasks,
        hours,
        overdue,
        ..
    } in b.heaviest.iter().take(5)
    {
        let _ = writeln!(
            o,
            "  {} {name}：{tasks} {} {hours}h，{} {overdue}",
            lang.t("负担最重", "heaviest"),
            lang.t("项", "tasks"),
            lang.t("逾期", "overdue")
        );
    }

    if b.summoned.meetings > 0 {
        let _ = writeln!(
            o,
            "  {}：{} {}，{} {}",
            lang.t("代为参会（陪会）", "meetings attended for others"),
            b.summoned.meetings,
            lang.t("场", "meetings"),
            b.summoned.attendances,
            lang.t("人次", "attendances")
        );
    }

    grassroots(&mut o, &r.grassroots, lang);
    members(&mut o, &r.members, lang);

    // Findings.
    let _ = writeln!(
        o,
        "\n== {}（{}）==",
        lang.t("发现的问题", "Findings"),
        r.findings.len()
    );
    for (i, f) in r.findings.iter().enumerate() {
        finding(&mut o, i, f, lang);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_two_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("五星"), 4);
        assert_eq!(width(pad("五星", 8).as_str()), 8);
        assert_eq!(width(rjust("五星", 6).as_str()), 6);
        let cut = pad("中共某某县非公有制经济组织和社会组织委员会", 12);
        assert_eq!(width(&cut), 12);
        assert!(cut.contains('…'));
    }
}
