//! `--help` in Chinese: the command's own help (the doc comments of [`crate::cli`]) is English;
//! with `--lang zh` (the default) every command's about, every argument's help and clap's own
//! headings and flags are replaced from the table below before the arguments are parsed.
//!
//! The table is checked by a test against the command tree: every entry names a command and an
//! argument that exist, and every command and argument has an entry.

use clap::{Arg, ArgAction, Command};
use zugong_dataset::lang::Lang;

/// The Chinese help: (command path, argument id — empty for the command itself, text).
pub(crate) const ZH: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "组工：一个县（市、省）一年的组织工作，从数据文件到报告。\n\n读取数据集文件夹（JSON Lines，或带中文表头的 CSV 花名册，或 Excel 工作簿），逐项检查，报告五星支部、党员培训、干部与职数、人才和村级负担，并运行各项流程（选拔任用、星级评定、兜底培训、发展党员），把经过的每一步写入纪实日志。\n\n退出码：0 完成；1 有发现事项且指定了 --fail-on-findings；2 输入有误。",
    ),
    ("", "lang", "消息和报告的语言：zh 中文，en English"),
    (
        "check",
        "",
        "检查数据集：列出每个问题所在的文件、行和字段（有问题时退出码 2）",
    ),
    (
        "check",
        "dir",
        "数据集文件夹（或 Excel 工作簿）；使用 --db 时省略",
    ),
    (
        "check",
        "db",
        "改为检查数据库中的数据集（SQLite 文件或 postgres:// 地址）",
    ),
    ("check", "format", "问题清单的格式"),
    ("report", "", "数据集的组织工作年度报告，或内置示例县的报告"),
    (
        "report",
        "dir",
        "数据集文件夹（使用 --sample 或 --db 时省略）",
    ),
    ("report", "sample", "改为报告内置的示例县"),
    (
        "report",
        "db",
        "报告数据库中的数据集（SQLite 文件或 postgres:// 地址）",
    ),
    (
        "report",
        "format",
        "输出格式：text 文本，json，html 自含图表的网页",
    ),
    ("report", "out", "写入该文件，而不是标准输出"),
    ("report", "force", "覆盖已存在的输出文件"),
    (
        "report",
        "fail_on_findings",
        "报告有发现事项时以退出码 1 结束",
    ),
    (
        "generate",
        "",
        "生成合成数据集（虚构姓名），同一种子得到同一数据集",
    ),
    (
        "generate",
        "scale",
        "规模：county 县（约 3,700 名党员）、city 市（约 44,000 名）或 province 省（约 490 万名党员、29 万个支部、95 万名干部）",
    ),
    ("generate", "seed", "随机种子：同一种子得到同一数据集"),
    ("generate", "out", "写入的文件夹（不存在时创建）"),
    ("generate", "force", "替换文件夹中已有的数据集"),
    (
        "sample",
        "",
        "把内置示例县写成数据集文件夹，用来了解格式或在其基础上修改",
    ),
    ("sample", "out", "写入的文件夹（不存在时创建）"),
    ("sample", "force", "替换文件夹中已有的数据集"),
    (
        "sample",
        "format",
        "各表的格式：jsonl，或带中文表头的 csv（可在电子表格中编辑后用 zugong import 导回）",
    ),
    (
        "import",
        "",
        "导入花名册文件夹（中文或英文表头的 CSV，或 JSON Lines）、数据集文件夹或 Excel 工作簿：写成检查过的 JSON Lines 数据集（--out，整体替换，新旧不混），或在一个事务中写入数据库（--db）；花名册只读不改",
    ),
    (
        "import",
        "from",
        "花名册文件夹（含 dataset.json）或 Excel 工作簿",
    ),
    ("import", "out", "要写入的数据集文件夹"),
    (
        "import",
        "db",
        "要导入的数据库（SQLite 文件或 postgres:// 地址；先用 zugong init 创建）",
    ),
    (
        "import",
        "force",
        "--out：允许写入已有其他文件的文件夹，替换其中的数据集；--db：替换数据库中已有数据集的各表（日志保留并续写）",
    ),
    (
        "init",
        "",
        "创建空数据库：SQLite 文件（内嵌，无需其他软件），或 PostgreSQL 数据库中的 zugong 各表（postgres://用户@主机:端口/数据库）",
    ),
    ("init", "db", "要创建的 SQLite 文件，或 postgres:// 地址"),
    (
        "export",
        "",
        "把数据库中的数据集写成数据集文件夹（各表、日志、日志头、清单）：自导入以来未改动的，与导入的文件夹逐字节相同",
    ),
    ("export", "db", "数据库（SQLite 文件或 postgres:// 地址）"),
    ("export", "out", "写入的文件夹（不存在时创建）"),
    ("export", "force", "允许写入已有其他文件的文件夹"),
    (
        "scenario",
        "",
        "在数据集上运行一项流程，把纪实日志写入 DIR/journals/",
    ),
    (
        "scenario selection",
        "",
        "选拔任用：为一个职位筛查全部干部、排序，再走 动议 → 民主推荐 → 考察 → 讨论决定 → 任前公示（加 --until appointment 至任职）",
    ),
    (
        "scenario selection",
        "post",
        "职位（编号）；省略时取第一个空缺职位",
    ),
    (
        "scenario selection",
        "until",
        "走到哪一步：decision 讨论决定，publicity 任前公示，appointment 任职",
    ),
    (
        "scenario selection",
        "on",
        "动议的日期（省略时为数据集的日期）",
    ),
    (
        "scenario rating",
        "",
        "星级评定：为一个组织下的每个支部开展一轮评定（自评 → 审核 → 审定 → 公示 → 授星）",
    ),
    (
        "scenario rating",
        "scope",
        "被评支部所属的组织（编号或名称）；省略时取第一个乡镇",
    ),
    (
        "scenario rating",
        "on",
        "评定开始的日期（省略时为数据集的日期）",
    ),
    (
        "scenario development",
        "",
        "发展党员：一个组织下每个支部的两名申请人，按日历用两年从入党申请到转正，每一步由其机关在时限内办理",
    ),
    (
        "scenario development",
        "scope",
        "组织（编号或全称）；省略时取第一个乡镇党委",
    ),
    (
        "scenario development",
        "on",
        "收到入党申请的日期（省略时为数据集的日期）",
    ),
    (
        "scenario training",
        "",
        "兜底培训：为每名学时不足的党员安排兜底班次、开班并记入学时",
    ),
    (
        "scenario training",
        "on",
        "开班日期（省略时为数据集日期后一周）",
    ),
];

/// The help of the arguments every scenario shares (the dataset and where its journal goes).
const ZH_SCENARIO_SHARED: &[(&str, &str)] = &[
    ("dir", "数据集文件夹（使用 --db 时省略）"),
    ("journal", "日志文件（默认：DIR/journals/类别-….jsonl）"),
    (
        "force",
        "替换一个不属于数据集的已有文件（数据集的表和日志从不被替换）",
    ),
    (
        "db",
        "在数据库中的数据集上运行，并在一个事务中把日志追加进去（SQLite 文件或 postgres:// 地址）",
    ),
];

/// The command tree with its help in `lang`: unchanged for English, from [`ZH`] for Chinese.
pub(crate) fn localized(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = chinese_frame(cmd, true);
    for (path, id, text) in ZH {
        let path: Vec<&str> = path.split_whitespace().collect();
        cmd = at(cmd, &path, id, text);
    }
    for scenario in ["selection", "rating", "development", "training"] {
        for (id, text) in ZH_SCENARIO_SHARED {
            cmd = at(cmd, &["scenario", scenario], id, text);
        }
    }
    // Clap adds its `help` subcommands when the tree is built: build it, then name them.
    cmd.build();
    help_subcommands(cmd)
}

/// The `help` subcommand of every command that has subcommands, in Chinese.
fn help_subcommands(cmd: Command) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut cmd = cmd;
    for name in names {
        cmd = if name == "help" {
            cmd.mut_subcommand(name, |h| h.about("显示本帮助，或指定命令的帮助"))
        } else {
            cmd.mut_subcommand(name, help_subcommands)
        };
    }
    cmd
}

/// Sets `text` as the help of argument `id` (or the about of the command, for an empty `id`)
/// of the command at `path`; an entry for a command or argument that does not exist changes
/// nothing (the test of the table finds it).
fn at(cmd: Command, path: &[&str], id: &str, text: &'static str) -> Command {
    match path.split_first() {
        Some((first, rest)) => {
            if cmd.get_subcommands().any(|s| s.get_name() == *first) {
                cmd.mut_subcommand(*first, |sub| at(sub, rest, id, text))
            } else {
                cmd
            }
        }
        None if id.is_empty() => cmd.about(text).long_about(None),
        None if cmd.get_arguments().any(|a| a.get_id() == id) => {
            cmd.mut_arg(id, |a| a.help(text).long_help(None))
        }
        None => cmd,
    }
}

/// Clap's own words in Chinese for a command and every command under it: the headings, the
/// usage line's heading, and the help and version flags.
fn chinese_frame(cmd: Command, root: bool) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    let mut cmd = cmd
        .help_template("{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助")
                .help_heading("选项"),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本")
                .help_heading("选项"),
        );
    }
    for (id, positional) in ids {
        let heading = if positional { "参数" } else { "选项" };
        cmd = cmd.mut_arg(id, |a| a.help_heading(heading));
    }
    for name in names {
        cmd = cmd.mut_subcommand(name, |sub| chinese_frame(sub, false));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Every (command path, argument id) of the tree, the command itself as id "".
    fn tree(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.to_owned(), String::new()));
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            // The global `--lang` is counted once, at the root.
            let propagated = id == "lang" && !path.is_empty();
            if !matches!(id, "help" | "version") && !propagated {
                out.push((path.to_owned(), id.to_owned()));
            }
        }
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let sub = if path.is_empty() {
                s.get_name().to_owned()
            } else {
                format!("{path} {}", s.get_name())
            };
            tree(s, &sub, out);
        }
    }

    fn entries() -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = ZH
            .iter()
            .map(|(p, i, _)| ((*p).to_owned(), (*i).to_owned()))
            .collect();
        for s in ["selection", "rating", "development", "training"] {
            for (id, _) in ZH_SCENARIO_SHARED {
                all.push((format!("scenario {s}"), (*id).to_owned()));
            }
        }
        all
    }

    #[test]
    fn every_command_and_argument_has_chinese_help_and_every_entry_exists() {
        let mut expected = Vec::new();
        tree(&crate::cli::Cli::command(), "", &mut expected);
        let mut given = entries();
        expected.sort();
        given.sort();
        let missing: Vec<_> = expected.iter().filter(|e| !given.contains(e)).collect();
        let unknown: Vec<_> = given.iter().filter(|e| !expected.contains(e)).collect();
        assert!(missing.is_empty(), "no Chinese help for {missing:?}");
        assert!(unknown.is_empty(), "Chinese help for nothing: {unknown:?}");
    }

    #[test]
    fn chinese_help_is_chinese_and_english_help_is_unchanged() {
        let mut zh = localized(crate::cli::Cli::command(), Lang::Zh);
        let text = zh.render_long_help().to_string();
        assert!(text.contains("用法：") && text.contains("命令") && text.contains("显示帮助"));
        assert!(
            !text.contains("Usage:") && !text.contains("Print help"),
            "{text}"
        );
        let mut en = localized(crate::cli::Cli::command(), Lang::En);
        let text = en.render_long_help().to_string();
        assert!(text.contains("Usage:") && !text.contains("用法"), "{text}");
    }
}
