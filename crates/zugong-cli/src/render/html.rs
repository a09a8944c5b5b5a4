//! The report as one self-contained HTML page (XHTML-compatible markup, inline CSS, inline SVG
//! charts; nothing loaded from the network). Each chart has its data table beside it; findings
//! list their first hundred items (the JSON form has them all).

use std::fmt::Write;

use super::svg::{Series, bars, esc, stacked};
use zugong_dataset::lang::{Lang, tr};
use zugong_report::{Report, StarRow, TrainingRow};

const ITEMS_SHOWN: usize = 100;

/// The page's style sheet (inline: the page loads nothing).
const CSS: &str = "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222;max-width:1100px}h1{color:#8c1c13}h2{border-bottom:2px solid #c44536;padding-bottom:.2em;margin-top:2em}table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left}td.n{text-align:right}th{background:#f6f1ee}figure{margin:1em 0}figcaption{font-size:12px;color:#666}.finding{margin:1em 0;padding:.5em 1em;border-left:4px solid #c44536;background:#fbf7f5}.cite{color:#555;font-size:12px}.overdue{color:#c62828;font-weight:bold}";
const CHART_ROWS: usize = 40;

const STAR_COLORS: [&str; 6] = [
    "#bdbdbd", "#f4c7a1", "#f2a65a", "#e07b39", "#c44536", "#8c1c13",
];

fn table(out: &mut String, head: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    out.push_str("<table><thead><tr>");
    for h in head {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr>");
        for c in r {
            // Figures right-aligned, text left.
            let numeric = !c.is_empty()
                && c.chars()
                    .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | '%' | ',' | '-' | ' '));
            let class = if numeric { " class=\"n\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", esc(&c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// 六、组织生活、换届、集体经济与两个覆盖.
fn grassroots(o: &mut String, g: &zugong_report::GrassrootsSection, lang: Lang) {
    let _ = write!(
        o,
        "<h2>{}</h2>",
        esc(lang.t(
            "六、组织生活、换届、集体经济与两个覆盖",
            "6. Organizational life, terms, collective economy, coverage"
        ))
    );
    let _ = write!(
        o,
        "<p>{}</p>",
        esc(&tr!(
            lang,
            "组织生活：核查支部 {}，全部按期 {}，未达到会要求的会议 {}。换届：在册届期 {}，临近届满 {}，超期未换届 {}；选举 {} 次，不符合规定 {}。",
            "Organizational life: {} branches checked, {} complete, {} meetings without quorum. Terms: {} on record, {} ending soon, {} past due; {} elections, {} not valid.",
            g.life_checked,
            g.life_complete,
            g.life_under_attended,
            g.terms,
            g.terms_reminded,
            g.terms_overdue,
            g.elections,
            g.elections_void
        ))
    );
    table(
        o,
        &[
            lang.t("会议类型", "meeting"),
            lang.t("缺期", "intervals missed"),
        ],
        g.life_missed.iter().map(
            |zugong_report::MissedMeetings {
                 kind: k,
                 intervals: n,
                 ..
             }| vec![k.clone(), n.to_string()],
        ),
    );
    if let Some(year) = g.economy_year {
        let _ = write!(
            o,
            "<h3>{}</h3>",
            esc(&tr!(
                lang,
                "村集体经济（{year} 年度）",
                "Collective economy ({year})"
            ))
        );
        table(
            o,
            &[
                lang.t("乡镇", "town"),
                lang.t("村", "villages"),
                lang.t("空壳村", "no income"),
                lang.t("薄弱村", "weak"),
                lang.t("一般村及以上", "ordinary"),
                lang.t("经营性收入", "operating income"),
            ],
            g.economy_by_town.iter().chain(&g.economy_total).map(|r| {
                vec![
                    r.unit.get(lang).to_owned(),
                    r.villages.to_string(),
                    r.shell.to_string(),
                    r.weak.to_string(),
                    r.ordinary.to_string(),
                    zugong_report::wan(r.operating_income),
                ]
            }),
        );
    }
    if g.coverage_total.is_some() {
        let _ = write!(
            o,
            "<h3>{}</h3>",
            esc(lang.t("两个覆盖", "Coverage of 两新 organizations"))
        );
        table(
            o,
            &[
                lang.t("行业", "industry"),
                lang.t("组织数", "organizations"),
                lang.t("党员", "members"),
                lang.t("单独组建", "own"),
                lang.t("联合组建", "joint"),
                lang.t("党建指导员", "instructor"),
                lang.t("组织覆盖率", "organizational"),
                lang.t("工作覆盖率", "work"),
            ],
            g.coverage_by_industry
                .iter()
                .chain(&g.coverage_total)
                .map(|r| {
                    vec![
                        r.group.get(lang).to_owned(),
                        r.organizations.to_string(),
                        r.members.to_string(),
                        r.own.to_string(),
                        r.joint.to_string(),
                        r.instructor.to_string(),
                        zugong_report::percent(r.organizational_permille),
                        zugong_report::percent(r.work_permille),
                    ]
                }),
        );
    }
}

/// 七、党员发展与管理.
fn members(o: &mut String, m: &zugong_report::MemberSection, lang: Lang) {
    let _ = write!(
        o,
        "<h2>{}</h2>",
        esc(lang.t("七、党员发展与管理", "7. Member development and management"))
    );
    table(
        o,
        &[lang.t("发展阶段", "stage"), lang.t("人数", "people")],
        m.roster_by_stage.iter().map(
            |zugong_report::StageCount {
                 stage: s, count: n, ..
             }| vec![s.clone(), n.to_string()],
        ),
    );
    table(
        o,
        &[
            lang.t("党委", "committee"),
            lang.t("计划发展", "planned"),
            lang.t("已接收", "admitted"),
        ],
        m.plans.iter().map(
            |zugong_report::PlanRow {
                 committee: c,
                 planned: p,
                 admitted: a,
                 ..
             }| vec![c.clone(), p.to_string(), a.to_string()],
        ),
    );
    let _ = write!(
        o,
        "<p>{}</p>",
        esc(&tr!(
            lang,
            "组织关系转接待接收 {}（最长 {} 天）；外出党员 {}，其中流动党员 {}；党费：{} 名党员，欠交 {}，连续 6 个月以上未交 {}，交纳额与标准不符 {}。",
            "Transfers pending {} (longest {} days); members away {}, of them mobile {}; dues: {} members, {} in arrears, {} unpaid six months or more, {} charged otherwise than the rules.",
            m.transfers_pending,
            m.transfers_longest_days,
            m.away,
            m.mobile,
            m.dues_members,
            m.dues_in_arrears,
            m.dues_lapse,
            m.dues_miscalculated
        ))
    );
}

fn star_chart(out: &mut String, id: &str, title: &str, rows: &[StarRow], lang: Lang) {
    let rows = rows.get(..rows.len().min(CHART_ROWS)).unwrap_or(rows);
    let labels = [
        lang.t("五星", "5★"),
        lang.t("四星", "4★"),
        lang.t("三星", "3★"),
        lang.t("二星", "2★"),
        lang.t("一星", "1★"),
        lang.t("无星", "0★"),
    ];
    let series: Vec<Series<'_>> = labels
        .iter()
        .zip(STAR_COLORS.iter().rev())
        .map(|(label, color)| Series { label, color })
        .collect();
    let cats: Vec<String> = rows.iter().map(|r| r.unit.clone()).collect();
    let values: Vec<Vec<u64>> = rows
        .iter()
        .map(|r| r.by_stars.iter().rev().copied().collect())
        .collect();
    let _ = write!(
        out,
        "<figure>{}<figcaption>{}</figcaption></figure>",
        stacked(id, title, &cats, &series, &values),
        esc(title)
    );
    let mut head = vec![lang.t("单位", "unit")];
    head.extend(labels);
    head.push(lang.t("整顿中", "weak"));
    table(
        out,
        &head,
        rows.iter().map(|r| {
            let mut v = vec![r.unit.clone()];
            v.extend(r.by_stars.iter().rev().map(|n| n.to_string()));
            v.push(if r.unit == lang.t("上年", "last year") {
                // The data record this year's rectifications only.
                "—".to_owned()
            } else {
                r.weak_open.to_string()
            });
            v
        }),
    );
}

fn training_chart(out: &mut String, id: &str, title: &str, rows: &[TrainingRow], lang: Lang) {
    let rows = rows.get(..rows.len().min(CHART_ROWS)).unwrap_or(rows);
    let series = [
        Series {
            label: lang.t("达标", "met"),
            color: "#2e7d32",
        },
        Series {
            label: lang.t("学时不足", "short"),
            color: "#c62828",
        },
    ];
    let cats: Vec<String> = rows.iter().map(|r| r.unit.clone()).collect();
    let values: Vec<Vec<u64>> = rows.iter().map(|r| vec![r.met, r.short]).collect();
    let _ = write!(
        out,
        "<figure>{}<figcaption>{}</figcaption></figure>",
        stacked(id, title, &cats, &series, &values),
        esc(title)
    );
    table(
        out,
        &[
            lang.t("单位", "unit"),
            lang.t("党员", "members"),
            lang.t("达标", "met"),
            lang.t("不足", "short"),
            lang.t("缺学时", "missing"),
            lang.t("市级", "city"),
            lang.t("县级", "county"),
            lang.t("基层", "grassroots"),
        ],
        rows.iter().map(|r| {
            let [c, k, g] = r.reached_by_tier;
            vec![
                r.unit.clone(),
                r.members.to_string(),
                r.met.to_string(),
                r.short.to_string(),
                r.missing_hours.to_string(),
                c.to_string(),
                k.to_string(),
                g.to_string(),
            ]
        }),
    );
}

/// Renders the report as an HTML page.
pub(crate) fn render(r: &Report, lang: Lang) -> String {
    let mut o = String::new();
    let title = r.heading().get(lang).to_owned();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{}\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>{}</title><style>{}</style></head><body>",
        lang.t("zh-CN", "en"),
        esc(&title),
        CSS
    );
    let _ = write!(o, "<h1>{}</h1>", esc(&title));
    let t = &r.totals;
    let _ = write!(
        o,
        "<p>{}</p>",
        esc(&match lang {
            Lang::Zh => format!(
                "组织 {} 个，评星支部 {} 个，党员 {} 名，参训记录 {} 条，干部 {} 名，职位 {} 个，人才 {} 名。发现问题 {} 类。",
                t.units,
                t.branches,
                t.members,
                t.attendance,
                t.cadres,
                t.posts,
                t.talents,
                r.findings.len()
            ),
            Lang::En => format!(
                "{} units, {} rated branches, {} members, {} attendance rows, {} cadres, {} posts, {} talents; {} findings.",
                t.units,
                t.branches,
                t.members,
                t.attendance,
                t.cadres,
                t.posts,
                t.talents,
                r.findings.len()
            ),
        })
    );

    // Stars.
    let s = &r.stars;
    let _ = write!(
        o,
        "<h2>{}</h2><p class=\"cite\">{}：{}（{}）</p>",
        esc(lang.t(
            "一、五星支部与软弱涣散整顿",
            "1. Five-star branches and weak branches"
        )),
        esc(lang.t("评星办法", "Rubric")),
        super::english::verbatim(&esc(&s.rubric)),
        super::english::verbatim(&esc(&s.rubric_source))
    );
    let total_rows = [
        StarRow {
            unit: lang.t("本年", "this year").into(),
            by_stars: s.total,
            weak_open: s.by_town.iter().map(|t| t.weak_open).sum(),
            weak_closed: s.by_town.iter().map(|t| t.weak_closed).sum(),
        },
        StarRow {
            unit: lang.t("上年", "last year").into(),
            by_stars: s.last_year,
            weak_open: 0,
            weak_closed: 0,
        },
    ];
    star_chart(
        &mut o,
        "chart-stars-total",
        lang.t("星级分布（本年与上年）", "Stars this year and last"),
        &total_rows,
        lang,
    );
    star_chart(
        &mut o,
        "chart-stars-by-town",
        lang.t(
            "各乡镇及机关、两新党委星级分布",
            "Stars by town and committee",
        ),
        &s.by_town,
        lang,
    );
    if !s.by_county.is_empty() {
        star_chart(
            &mut o,
            "chart-stars-by-county",
            lang.t("各县（区）星级分布", "Stars by county"),
            &s.by_county,
            lang,
        );
    }
    if !s.guidance.is_empty() {
        table(
            &mut o,
            &[
                lang.t("星级", "stars"),
                lang.t("指导比例", "guidance"),
                lang.t("实际", "actual"),
            ],
            s.guidance.iter().map(
                |zugong_report::GuidanceRow {
                     band: b,
                     target_permille: t,
                     actual_permille: a,
                     ..
                 }| {
                    vec![
                        b.clone(),
                        format!("{:.1}%", f64::from(*t) / 10.0),
                        format!("{:.1}%", f64::from(*a) / 10.0),
                    ]
                },
            ),
        );
    }
    if !s.rating_journals.is_empty() {
        table(
            &mut o,
            &[
                lang.t("评星日志", "rating journal"),
                lang.t("参评支部", "branches rated"),
                lang.t("五星", "5★"),
                lang.t("四星", "4★"),
                lang.t("三星", "3★"),
                lang.t("二星", "2★"),
                lang.t("一星", "1★"),
                lang.t("未完成", "open"),
            ],
            s.rating_journals.iter().map(|j| {
                let [_, n1, n2, n3, n4, n5] = j.awarded;
                vec![
                    j.journal.clone(),
                    j.rounds.to_string(),
                    n5.to_string(),
                    n4.to_string(),
                    n3.to_string(),
                    n2.to_string(),
                    n1.to_string(),
                    j.open.to_string(),
                ]
            }),
        );
    }
    let _ = write!(
        o,
        "<h3>{}（{}）</h3>",
        esc(lang.t("软弱涣散基层党组织", "Weak branches")),
        s.weak.len()
    );
    table(
        &mut o,
        &[
            lang.t("支部", "branch"),
            lang.t("所属", "under"),
            lang.t("认定依据", "basis"),
            lang.t("整顿状态", "status"),
            lang.t("期限", "deadline"),
        ],
        s.weak.iter().take(ITEMS_SHOWN * 3).map(|w| {
            vec![
                w.branch.clone(),
                w.group.clone(),
                if w.bases.is_empty() {
                    lang.t("已列入整顿（依数据集所记）", "listed (as the data record)")
                        .to_owned()
                } else {
                    let bases: Vec<&str> = w.bases.iter().map(|b| b.get(lang)).collect();
                    bases.join("；")
                },
                zugong_report::status_text(w.status).get(lang).to_owned(),
                w.deadline
                    .map(|d| format!("{d}{}", if w.overdue { " !" } else { "" }))
                    .unwrap_or_default(),
            ]
        }),
    );

    // Training.
    let tr = &r.training;
    let _ = write!(
        o,
        "<h2>{}</h2><p class=\"cite\">{}</p>",
        esc(lang.t(
            "二、党员教育培训（三级培训体系）",
            "2. Member training (three tiers)"
        )),
        esc(&tr.rule)
    );
    let tier_labels = [
        lang.t("市级重点培训", "city key").to_owned(),
        lang.t("县级普遍培训", "county universal").to_owned(),
        lang.t("基层党委兜底培训", "grassroots fallback").to_owned(),
    ];
    let _ = write!(
        o,
        "<figure>{}<figcaption>{}</figcaption></figure>",
        bars(
            "chart-training-tiers",
            lang.t("各层级培训覆盖人数", "Members reached by tier"),
            &tier_labels,
            &tr.total.reached_by_tier,
            "#1565c0"
        ),
        esc(lang.t("各层级培训覆盖人数", "Members reached by tier"))
    );
    if !tr.fallback_journals.is_empty() {
        table(
            &mut o,
            &[
                lang.t("兜底培训日志", "fallback-training journal"),
                lang.t("班次", "classes"),
                lang.t("结业", "closed"),
                lang.t("参训", "participants"),
                lang.t("记入学时", "学时 credited"),
            ],
            tr.fallback_journals.iter().map(|j| {
                vec![
                    j.journal.clone(),
                    j.classes.to_string(),
                    j.closed.to_string(),
                    j.participants.to_string(),
                    j.credited_hours.to_string(),
                ]
            }),
        );
    }
    training_chart(
        &mut o,
        "chart-training-by-town",
        lang.t(
            "各乡镇及机关、两新党委学时达标情况",
            "Training by town and committee",
        ),
        &tr.by_town,
        lang,
    );
    if !tr.by_county.is_empty() {
        training_chart(
            &mut o,
            "chart-training-by-county",
            lang.t("各县（区）学时达标情况", "Training by county"),
            &tr.by_county,
            lang,
        );
    }

    // Cadres.
    let c = &r.cadres;
    let _ = write!(
        o,
        "<h2>{}</h2>",
        esc(lang.t("三、干部选育管用", "3. Cadres"))
    );
    let over: Vec<_> = c.quotas.iter().filter(|q| q.used > q.allotted).collect();
    let _ = write!(
        o,
        "<p>{}</p>",
        esc(&match lang {
            Lang::Zh => format!(
                "编制 {} 名（{} 个单位）；职数 {} 条，核定 {} 名，实配 {} 名；超职数 {} 条；空缺职位 {} 个；到达交流年限 {} 人；亲属回避发现 {} 条。",
                c.establishment.staff,
                c.establishment.institutions,
                c.quotas.len(),
                c.allotted,
                c.used,
                over.len(),
                c.vacancies.len(),
                c.rotations_due,
                c.recusals
            ),
            Lang::En => format!(
                "{} staff approved in {} institutions; {} quota lines, {} allotted, {} held; {} over quota; {} vacant posts; {} cadres due to rotate; {} kinship findings.",
                c.establishment.staff,
                c.establishment.institutions,
                c.quotas.len(),
                c.allotted,
                c.used,
                over.len(),
                c.vacancies.len(),
                c.rotations_due,
                c.recusals
            ),
        })
    );
    let quota_labels = [
        lang.t("核定职数", "allotted").to_owned(),
        lang.t("实配", "held").to_owned(),
        lang.t("空缺职位", "vacant posts").to_owned(),
    ];
    let _ = write!(
        o,
        "<figure>{}<figcaption>{}</figcaption></figure>",
        bars(
            "chart-quotas",
            lang.t("职数使用", "Quota use"),
            &quota_labels,
            &[c.allotted, c.used, c.vacancies.len() as u64],
            "#6a1b9a"
        ),
        esc(lang.t("职数使用", "Quota use"))
    );
    let _ = write!(
        o,
        "<h3>{}（{}）</h3>",
        esc(lang.t("在途选任", "Selections in progress")),
        c.selections.len()
    );
    table(
        &mut o,
        &[
            lang.t("职位", "post"),
            lang.t("单位", "unit"),
            lang.t("环节", "stage"),
            lang.t("考察对象", "candidates"),
            lang.t("决定", "decided by"),
            lang.t("公示", "publicity"),
            lang.t("日志", "journal"),
        ],
        c.selections.iter().map(|s| {
            vec![
                s.post.clone(),
                s.unit.clone(),
                zugong_report::stage_name(s.stage, lang).to_owned(),
                s.candidates.join("、"),
                s.decided_by
                    .as_ref()
                    .map(|d| d.get(lang).to_owned())
                    .unwrap_or_default(),
                s.publicity
                    .map(
                        |zugong_report::Days {
                             from: a, until: b, ..
                         }| format!("{a} – {b}"),
                    )
                    .unwrap_or_default(),
                s.journal.clone(),
            ]
        }),
    );
    if let Some(year) = c.assessment_year {
        let grade_labels = [
            "优秀".to_owned(),
            "称职".to_owned(),
            "基本称职".to_owned(),
            "不称职".to_owned(),
        ];
        let caption = format!("{year} {}", lang.t("年度考核等次分布", "assessment grades"));
        let _ = write!(
            o,
            "<figure>{}<figcaption>{}</figcaption></figure>",
            bars(
                "chart-assessment",
                &caption,
                &grade_labels,
                &c.grades,
                "#00838f"
            ),
            esc(&caption)
        );
        let over_cap: Vec<_> = c
            .assessment
            .iter()
            .filter(|a| a.excellent > a.cap)
            .collect();
        table(
            &mut o,
            &[
                lang.t("优秀比例超限单位", "units over the 优秀 cap"),
                lang.t("参加考核", "graded"),
                lang.t("优秀", "优秀"),
                lang.t("上限", "cap"),
            ],
            over_cap.iter().map(|a| {
                vec![
                    a.unit.get(lang).to_owned(),
                    a.graded.to_string(),
                    a.excellent.to_string(),
                    a.cap.to_string(),
                ]
            }),
        );
    }

    // Talent.
    let tl = &r.talent;
    let _ = write!(
        o,
        "<h2>{}</h2>",
        esc(lang.t("四、人才梯次", "4. Talent tiers"))
    );
    let labels: Vec<String> = tl.by_tier.iter().map(|c| c.tier.clone()).collect();
    let values: Vec<u64> = tl.by_tier.iter().map(|c| u64::from(c.count)).collect();
    let _ = write!(
        o,
        "<figure>{}<figcaption>{}</figcaption></figure>",
        bars(
            "chart-talent-tiers",
            lang.t("各梯次在培养期人才", "Talents in a tenure by tier"),
            &labels,
            &values,
            "#ef6c00"
        ),
        esc(lang.t("各梯次在培养期人才", "Talents in a tenure by tier"))
    );
    table(
        &mut o,
        &[
            lang.t("梯次", "tier"),
            lang.t("产业", "industry"),
            lang.t("人数", "talents"),
        ],
        tl.by_industry.iter().map(
            |zugong_report::IndustryCount {
                 tier: t,
                 industry: i,
                 count: n,
                 ..
             }| vec![t.clone(), i.clone(), n.to_string()],
        ),
    );
    let _ = write!(
        o,
        "<h3>{}（{}）</h3>",
        esc(zugong_report::due_heading().get(lang)),
        tl.due.len()
    );
    table(
        &mut o,
        &[
            lang.t("姓名", "name"),
            lang.t("梯次", "tier"),
            lang.t("事项", "what"),
            lang.t("日期", "on"),
        ],
        tl.due.iter().map(
            |zugong_report::DueRow {
                 talent: n,
                 tier: t,
                 what: w,
                 on: d,
                 ..
             }| vec![n.clone(), t.clone(), w.get(lang).to_owned(), d.to_string()],
        ),
    );

    if !r.members.development_journals.is_empty() {
        table(
            &mut o,
            &[
                lang.t("发展党员日志", "development journal"),
                lang.t("人数", "paths"),
                lang.t("所处阶段", "stages"),
            ],
            r.members.development_journals.iter().map(|j| {
                let stages: Vec<String> = j.by_stage.iter().map(ToString::to_string).collect();
                vec![j.journal.clone(), j.paths.to_string(), stages.join("，")]
            }),
        );
    }

    // Burden.
    let b = &r.burden;
    let _ = write!(
        o,
        "<h2>{}</h2>",
        esc(lang.t("五、村（社区）党组织负担", "5. Burden on village branches"))
    );
    let _ = write!(
        o,
        "<p>{}</p>",
        esc(&match lang {
            Lang::Zh => format!(
                "{} 个支部承接下派事项 {} 项、{} 小时；未完成 {} 项，逾期 {} 项。",
                b.branches, b.tasks, b.hours, b.open, b.overdue
            ),
            Lang::En => format!(
                "{} branches carry {} tasks, {} hours; {} open, {} overdue.",
                b.branches, b.tasks, b.hours, b.open, b.overdue
            ),
        })
    );
    let labels: Vec<String> = b.by_source_level.iter().map(|l| l.group.clone()).collect();
    let values: Vec<u64> = b.by_source_level.iter().map(|l| l.hours).collect();
    let caption = lang.t(
        "按下派层级的工作量（小时）",
        "Hours pushed down, by level of the source",
    );
    let _ = write!(
        o,
        "<figure>{}<figcaption>{}</figcaption></figure>",
        bars("chart-burden", caption, &labels, &values, "#5d4037"),
        esc(caption)
    );
    table(
        &mut o,
        &[
            lang.t("负担最重的支部", "heaviest"),
            lang.t("事项", "tasks"),
            lang.t("小时", "hours"),
            lang.t("逾期", "overdue"),
        ],
        b.heaviest.iter().map(
            |zugong_report::HeaviestBranch {
                 branch: n,
                 tasks: t,
                 hours: h,
                 overdue: d,
                 ..
             }| vec![n.clone(), t.to_string(), h.to_string(), d.to_string()],
        ),
    );

    if b.summoned.meetings > 0 {
        let _ = write!(
            o,
            "<p>{}</p>",
            esc(&tr!(
                lang,
                "代为参会（陪会）{} 场、{} 人次。",
                "{} meetings attended for others, {} attendances.",
                b.summoned.meetings,
                b.summoned.attendances
            ))
        );
    }
    grassroots(&mut o, &r.grassroots, lang);
    members(&mut o, &r.members, lang);

    // Findings.
    let _ = write!(
        o,
        "<h2 id=\"findings\">{}（{}）</h2>",
        esc(lang.t(
            "发现的问题（每条注明依据）",
            "Findings (each with its rule)"
        )),
        r.findings.len()
    );
    for f in &r.findings {
        let _ = write!(
            o,
            "<div class=\"finding\"><strong>{}</strong> — {} {}<div class=\"cite\">{}：{}</div><ul>",
            esc(f.rule.get(lang)),
            f.subjects.len(),
            esc(lang.t("处", "case(s)")),
            esc(lang.t("依据", "Rule")),
            super::english::verbatim(&esc(&f.citation))
        );
        for zugong_report::Subject {
            name: who,
            detail: what,
            ..
        } in f.subjects.iter().take(ITEMS_SHOWN)
        {
            let _ = write!(
                o,
                "<li>{}：{}</li>",
                esc(who.get(lang)),
                esc(what.get(lang))
            );
        }
        if f.subjects.len() > ITEMS_SHOWN {
            let more = f.subjects.len() - ITEMS_SHOWN;
            let text = match lang {
                Lang::Zh => format!("另 {more} 处从略（见 JSON 报告）"),
                Lang::En => format!("{more} more (see the JSON report)"),
            };
            let _ = write!(o, "<li>… {}</li>", esc(&text));
        }
        o.push_str("</ul></div>");
    }
    o.push_str("</body></html>\n");
    o
}
