//! The dataset's tables: one record type each. The JSON Lines form of a record is its serde
//! form below (field names in English, enums in their snake_case codes, 学时 and points in
//! tenths); the CSV form takes the Chinese headers listed with each field.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use zugong_branch::{
    CoverageMethod, ElectionMethod, Lecturer, MeetingKind, Points, RectificationStatus, StarLevel,
    TaskBasis, TermBody, WeakCategory,
};
use zugong_cadre::{
    AssessmentGrade, Effect, HealthConclusion, Kinship, QualificationKind, Tenure, WorkFunction,
};
use zugong_core::{
    AdminLevel, Attachment, CadreId, CitizenIdNumber, DivisionCode, EducationLevel, InstitutionId,
    InstitutionKind, LeadershipRank, Locality, MemberId, NominationLead, OrgKind, OrgUnitId,
    PositionId, RankOrGrade, TalentId, TownshipCode, TrainingClassId, UnitKind,
};
use zugong_member::{DuesCategory, Fen, Month};
use zugong_talent::{ProfessionalTitle, TalentTier, Yuan};
use zugong_training::{MemberGroup, StudyHours, TrainingTier};

use super::record::record;

record! {
    /// 单位 (`institutions`): the 单位 registry beside the Party tree
    /// (`zugong_core::Institution`): kind, 规格, area, what it belongs to and how, and who
    /// manages it when not the area (垂直管理, 双重领导), the Party organization that leads it
    /// (领导关系) and its approved 编制.
    InstitutionRecord in "institutions" keyed Institution by name {
        id: InstitutionId => ["单位编号", "编号", "统一社会信用代码"],
        name: String => ["单位名称", "名称"],
        kind: InstitutionKind => ["单位类别", "类别"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        grade: Option<LeadershipRank> => ["规格", "机构规格"],
        area: DivisionCode => ["区划代码", "行政区划代码"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        township: Option<TownshipCode> => ["乡镇区划代码", "乡级区划代码"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parent: Option<InstitutionId> => ["上级单位", "主管部门"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attachment: Option<Attachment> => ["隶属方式"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        vertical_by: Option<InstitutionId> => ["垂直管理单位"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dual_with: Option<InstitutionId> => ["双重领导单位"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        led_by: Option<OrgUnitId> => ["领导党组织", "党组（党委）"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        establishment: Option<u32> => ["编制数", "核定编制"],
    }
}

record! {
    /// 干部管理权限 (`management_list`): who manages a post, or the posts of an institution
    /// (or of a Party committee or 党组) at a rank — 主管, 协管, 备案, 提名考察
    /// (`zugong_core::ManagementEntry`). Without this table, the list 下管一级 makes for the
    /// dataset's posts is used (`zugong_core::ManagementList::one_level_down`).
    ManagementRecord in "management_list" {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        post: Option<PositionId> => ["职位", "职位编号"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        institution: Option<InstitutionId> => ["单位", "单位名称"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        committee: Option<OrgUnitId> => ["党委（党组）", "所属党委", "党组"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rank: Option<LeadershipRank> => ["职务层次"],
        manager: OrgUnitId => ["主管", "主管党委"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        co_manager: Option<OrgUnitId> => ["协管", "协管单位"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        filed_with: Option<OrgUnitId> => ["备案", "备案单位"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        nomination: Option<NominationLead> => ["提名考察"],
    }
}

record! {
    /// 组织单位 (`org_units`): the serde form of `zugong_core::OrgUnit`.
    UnitRecord in "org_units" keyed Unit by name {
        id: OrgUnitId => ["编号", "组织编号", "组织代码"],
        name: String => ["名称", "组织名称", "党组织名称"],
        kind: OrgKind => ["组织类别", "党组织类别", "类别"],
        level: AdminLevel => ["层级", "行政层级"],
        #[serde(default)]
        host: Option<UnitKind> => ["单位类型", "所在单位类型"],
        #[serde(default)]
        parent: Option<OrgUnitId> => ["上级", "上级党组织", "上级组织"],
        #[serde(default)]
        division: Option<DivisionCode> => ["区划代码", "行政区划代码"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        institution: Option<InstitutionId> => ["所在单位"],
    }
}

record! {
    /// 党员 (`members`): a Party member and the branch the member belongs to.
    MemberRecord in "members" keyed Member by citizen_id {
        id: MemberId => ["编号", "党员编号"],
        name: String => ["姓名"],
        citizen_id: CitizenIdNumber => ["身份证号", "公民身份号码", "身份证号码"],
        unit: OrgUnitId => ["所在支部", "所在党组织", "支部"],
        joined_on: NaiveDate => ["入党日期", "入党时间"],
        #[serde(default)]
        full_member_on: Option<NaiveDate> => ["转正日期", "转正时间"],
        #[serde(default)]
        groups: Vec<MemberGroup> => ["人员类别", "类别"],
    }
}

record! {
    /// 培训班次 (`classes`): a training class of one of the three tiers.
    ClassRecord in "classes" keyed Class {
        id: TrainingClassId => ["编号", "班次编号"],
        name: String => ["班次名称", "名称"],
        tier: TrainingTier => ["培训层级", "层级"],
        organizer: OrgUnitId => ["主办单位", "举办单位"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        delivered_by: Option<InstitutionId> => ["承办单位", "承办机构"],
        starts_on: NaiveDate => ["开班日期", "开始日期"],
        ends_on: NaiveDate => ["结业日期", "结束日期"],
        hours: StudyHours => ["学时"],
        capacity: u32 => ["名额", "计划人数"],
        #[serde(default)]
        targets: Vec<MemberGroup> => ["培训对象", "对象"],
    }
}

record! {
    /// 参训记录 (`attendance`): 学时 credited to a member.
    AttendanceRecord in "attendance" {
        member: MemberId => ["党员", "党员编号", "身份证号"],
        #[serde(default)]
        class: Option<TrainingClassId> => ["班次", "班次编号"],
        tier: TrainingTier => ["培训层级", "层级"],
        on: NaiveDate => ["日期", "培训日期"],
        hours: StudyHours => ["学时"],
    }
}

record! {
    /// 支部评星与排查 (`branches`): a branch's stars and the facts weak-branch detection reads.
    BranchRecord in "branches" {
        unit: OrgUnitId => ["支部", "党支部", "党组织"],
        stars: StarLevel => ["星级"],
        #[serde(default)]
        stars_last_year: Option<StarLevel> => ["上年星级"],
        #[serde(default)]
        village: bool => ["村党组织", "是否村"],
        #[serde(default)]
        secretary_vacant_since: Option<NaiveDate> => ["书记空缺起", "书记缺职日期"],
        #[serde(default)]
        last_development_candidate: Option<NaiveDate> => ["最近确定发展对象", "最近发展对象日期"],
        #[serde(default)]
        satisfaction_yes: Option<u32> => ["满意票", "满意票数"],
        #[serde(default)]
        satisfaction_total: Option<u32> => ["测评票", "测评总票数"],
        #[serde(default)]
        rank: Option<u32> => ["考核排名", "排名"],
        #[serde(default)]
        ranked_of: Option<u32> => ["参评数", "参评支部数"],
        #[serde(default)]
        organizational_life_held: Option<bool> => ["组织生活", "按期开展组织生活"],
        #[serde(default)]
        inspected_categories: Vec<WeakCategory> => ["排查类别", "软弱涣散情形"],
        #[serde(default = "no_rectification")]
        rectification: RectificationStatus => ["整顿状态"],
        #[serde(default)]
        rectification_deadline: Option<NaiveDate> => ["整顿期限"],
        #[serde(default)]
        reinspection_due: bool => ["待复验"],
    }
}

fn no_rectification() -> RectificationStatus {
    RectificationStatus::None
}

record! {
    /// 组织生活 (`meetings`): one meeting a branch held — 支部党员大会, 支部委员会, 党小组会, 党课,
    /// 主题党日, 组织生活会, 民主评议党员 — with 应到 and 实到 (`zugong_branch::Meeting`).
    MeetingRecord in "meetings" {
        branch: OrgUnitId => ["支部", "党支部", "党组织"],
        kind: MeetingKind => ["会议类型", "类型", "组织生活类型"],
        held: NaiveDate => ["召开日期", "日期", "开展日期"],
        #[serde(default)]
        planned: Option<NaiveDate> => ["计划日期"],
        expected: u32 => ["应到", "应到人数"],
        present: u32 => ["实到", "实到人数"],
        topic: String => ["议题", "主题", "会议主题"],
        #[serde(default)]
        lecturer: Option<Lecturer> => ["主讲人", "党课主讲人"],
    }
}

record! {
    /// 评分 (`branch_scores`): one indicator's points in a branch's latest 审核, with evidence.
    ScoreRecord in "branch_scores" {
        branch: OrgUnitId => ["支部", "党支部"],
        indicator: String => ["指标", "指标代码", "评分项目"],
        points: Points => ["得分", "分数"],
        #[serde(default)]
        evidence: Option<String> => ["佐证", "佐证材料"],
    }
}

record! {
    /// 下派任务 (`tasks`): work pushed onto a branch (the serde form of `zugong_branch::PushedTask`).
    TaskRecord in "tasks" {
        branch: OrgUnitId => ["支部", "承接支部"],
        source: OrgUnitId => ["下派单位", "来源单位"],
        title: String => ["事项", "任务"],
        assigned_on: NaiveDate => ["下派日期"],
        due_on: NaiveDate => ["完成时限", "截止日期"],
        #[serde(default)]
        done_on: Option<NaiveDate> => ["完成日期"],
        hours: u32 => ["耗时", "工时"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        basis: Option<TaskBasis> => ["事项性质", "下派方式"],
    }
}

record! {
    /// 陪会 (`summoned_meetings`): a meeting a village's cadres were called to attend for
    /// another body's business (`zugong_branch::SummonedMeeting`).
    SummonedMeetingRecord in "summoned_meetings" {
        branch: OrgUnitId => ["支部", "参会支部", "村（社区）党组织"],
        source: OrgUnitId => ["召集单位", "主办单位"],
        held_on: NaiveDate => ["会议日期", "日期"],
        attendees: u32 => ["参会人数", "人数"],
        topic: String => ["会议名称", "会议主题", "主题"],
    }
}

record! {
    /// 届期 (`terms`): an organization's current term — the kind that sets its length, the
    /// day it was elected, and an approved 延期 or 提前 (`zugong_branch::Term`).
    TermRecord in "terms" {
        unit: OrgUnitId => ["党组织", "支部", "组织"],
        body: TermBody => ["组织类型", "换届组织类型"],
        elected_on: NaiveDate => ["本届选举日期", "选举日期", "换届日期"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        shifted_to: Option<NaiveDate> => ["调整后届满日期", "延期（提前）至"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        shift_approved_on: Option<NaiveDate> => ["上级批准日期", "批准日期"],
    }
}

record! {
    /// 选举 (`elections`): the count of a 换届选举 — 应到, 实到, 应选, the method and each
    /// candidate's votes in favour (`zugong_branch::ElectionCount`).
    ElectionRecord in "elections" {
        unit: OrgUnitId => ["党组织", "支部", "组织"],
        held_on: NaiveDate => ["选举日期", "日期"],
        entitled: u32 => ["应到会有选举权人数", "应到", "应到人数"],
        present: u32 => ["实到会有选举权人数", "实到", "实到人数"],
        places: u32 => ["应选人数", "应选名额"],
        method: ElectionMethod => ["选举方式", "差额或等额"],
        votes: Vec<u32> => ["候选人得票", "得票"],
    }
}

record! {
    /// 村集体经济 (`collective_economy`): a village collective's accounts for a year — income
    /// by kind and assets, in yuan (`3万` accepted) (`zugong_branch::CollectiveReturn`).
    CollectiveReturnRecord in "collective_economy" {
        village: OrgUnitId => ["村（社区）党组织", "村党组织", "村"],
        year: i32 => ["年度", "年份"],
        #[serde(default)]
        contracting: Yuan => ["资源发包收入", "发包收入"],
        #[serde(default)]
        leasing: Yuan => ["物业租赁收入", "物业收入"],
        #[serde(default)]
        services: Yuan => ["经营服务收入", "服务收入"],
        #[serde(default)]
        operations: Yuan => ["生产经营收入", "经营收入"],
        #[serde(default)]
        investment: Yuan => ["投资收益"],
        #[serde(default)]
        subsidy: Yuan => ["补助收入"],
        #[serde(default)]
        other: Yuan => ["其他收入"],
        #[serde(default)]
        assets: Yuan => ["资产总额", "集体资产"],
    }
}

record! {
    /// 两新组织 (`two_new_orgs`): a 新经济组织, 新社会组织 or 新就业群体 platform, its Party
    /// members and how its Party work is covered (`zugong_branch::TwoNewOrganization`).
    TwoNewRecord in "two_new_orgs" keyed Institution by name {
        id: InstitutionId => ["编号", "组织编号", "统一社会信用代码"],
        name: String => ["名称", "组织名称", "企业名称"],
        kind: UnitKind => ["组织类型", "类型"],
        area: OrgUnitId => ["属地党组织", "所在乡镇（街道）", "管理党组织"],
        industry: String => ["行业", "所属行业"],
        employees: u32 => ["从业人员", "从业人数", "员工人数"],
        full_members: u32 => ["正式党员", "正式党员人数"],
        #[serde(default)]
        probationary_members: u32 => ["预备党员", "预备党员人数"],
        method: CoverageMethod => ["覆盖方式", "组建方式"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        party_unit: Option<OrgUnitId> => ["所在党组织", "党组织"],
    }
}

record! {
    /// 入党申请人 (`applicants`): an applicant's path as the development roster records it — the
    /// day of each milestone (`zugong_member::Milestones`).
    ApplicantRecord in "applicants" {
        name: String => ["姓名"],
        citizen_id: CitizenIdNumber => ["身份证号", "公民身份号码"],
        branch: OrgUnitId => ["支部", "党支部", "所在党组织"],
        applied_on: NaiveDate => ["申请入党日期", "递交申请书日期", "申请日期"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        talked_on: Option<NaiveDate> => ["谈话日期"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        activist_on: Option<NaiveDate> => ["确定积极分子日期", "列为积极分子日期"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        candidate_on: Option<NaiveDate> => ["确定发展对象日期", "列为发展对象日期"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        admitted_on: Option<NaiveDate> => ["支部大会日期", "接收预备党员日期"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        approved_on: Option<NaiveDate> => ["审批日期", "上级党委审批日期"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        full_on: Option<NaiveDate> => ["转正日期"],
    }
}

record! {
    /// 发展党员计划 (`development_plans`): a committee's planned admissions for a year, and the
    /// least shares of 青年 (35 and under) and 女性 among them, in ‰
    /// (`zugong_member::DevelopmentPlan`).
    DevelopmentPlanRecord in "development_plans" {
        committee: OrgUnitId => ["党委", "党组织", "计划单位"],
        year: i32 => ["年度", "年份"],
        admissions: u32 => ["计划发展数", "计划数", "发展计划"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        youth_permille: Option<u32> => ["青年比例‰", "青年占比‰"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        women_permille: Option<u32> => ["女性比例‰", "女性占比‰"],
    }
}

record! {
    /// 组织关系转接 (`transfers`): a member's relation sent from one organization to another,
    /// received or not yet.
    TransferRecord in "transfers" {
        member: MemberId => ["党员", "党员编号", "身份证号"],
        from: OrgUnitId => ["转出党组织", "转出单位"],
        to: OrgUnitId => ["转入党组织", "转入单位"],
        sent_on: NaiveDate => ["开具介绍信日期", "转出日期"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        received_on: Option<NaiveDate> => ["接收日期", "转入日期"],
    }
}

record! {
    /// 党费 (`dues`): a member's category, base and monthly amount, and the last month paid
    /// (`zugong_member::monthly_dues`).
    DuesRecord in "dues" {
        member: MemberId => ["党员", "党员编号", "身份证号"],
        category: DuesCategory => ["交纳类别", "党费类别", "类别"],
        #[serde(default)]
        base: Fen => ["计算基数", "工资基数", "基数"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        monthly: Option<Fen> => ["月交纳额", "每月党费", "应交党费"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        paid_through: Option<Month> => ["已交至", "交至年月", "最近交纳月份"],
    }
}

record! {
    /// 外出党员 (`outflows`): a member away from their organization — a 流动党员 after six
    /// months (`zugong_member::Outflow`).
    OutflowRecord in "outflows" {
        member: MemberId => ["党员", "党员编号", "身份证号"],
        left_on: NaiveDate => ["外出日期"],
        destination: String => ["外出地点", "流入地", "去向"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        returned_on: Option<NaiveDate> => ["返回日期"],
    }
}

record! {
    /// 职位 (`posts`): a post of a 单位 (`institution`), or of a Party committee or 党组
    /// (`committee`) — exactly one of the two (`zugong_cadre::Post`).
    PostRecord in "posts" keyed Position {
        id: PositionId => ["职位编号", "编号"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        institution: Option<InstitutionId> => ["单位", "所在单位"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        committee: Option<OrgUnitId> => ["党委（党组）", "所属党委", "党组"],
        title: String => ["职务名称", "职务"],
        rank: RankOrGrade => ["职务层次", "职级"],
        #[serde(default)]
        tenure: Tenure => ["任用方式"],
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        qualifications: Vec<QualificationKind> => ["任职资格要求"],
    }
}

record! {
    /// 职数 (`quotas`): the posts a 单位 (`institution`), or a Party committee or 党组
    /// (`committee`), may fill at a rank — exactly one of the two.
    QuotaRecord in "quotas" {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        institution: Option<InstitutionId> => ["单位"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        committee: Option<OrgUnitId> => ["党委（党组）", "所属党委", "党组"],
        rank: RankOrGrade => ["职务层次", "职级"],
        allotted: u32 => ["核定职数", "职数"],
        #[serde(default)]
        planned_departures: Option<u32> => ["拟退出", "计划减少"],
    }
}

record! {
    /// 干部 (`cadres`): a cadre, the post held and the facts screening and the reports read.
    CadreRecord in "cadres" keyed Cadre by citizen_id {
        id: CadreId => ["编号", "干部编号"],
        name: String => ["姓名"],
        citizen_id: CitizenIdNumber => ["身份证号", "公民身份号码"],
        unit: OrgUnitId => ["单位", "工作单位"],
        #[serde(default)]
        post: Option<PositionId> => ["现任职位", "职位编号"],
        rank: RankOrGrade => ["职务层次", "职级"],
        rank_since: NaiveDate => ["任现职级时间", "任职级时间"],
        #[serde(default)]
        post_since: Option<NaiveDate> => ["任现职时间"],
        #[serde(default)]
        level_since: Option<NaiveDate> => ["任同层级时间"],
        #[serde(default)]
        terms_in_post: Option<u32> => ["本职位任职届数", "任职届数"],
        education: EducationLevel => ["学历"],
        #[serde(default)]
        work_started_on: Option<NaiveDate> => ["参加工作时间", "工作时间"],
        #[serde(default)]
        full_member_since: Option<NaiveDate> => ["转正时间", "党龄起算时间"],
        grassroots_months: u16 => ["基层工作经历月数", "基层经历(月)"],
        political_score: u8 => ["政治素质评分", "政治素质"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        training_days: Option<u32> => ["培训天数", "近期培训天数"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        training_hours: Option<StudyHours> => ["培训学时", "近期培训学时"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        health_examined_on: Option<NaiveDate> => ["体检日期"],
        #[serde(default, skip_serializing_if = "Option::is_none")]
        health_conclusion: Option<HealthConclusion> => ["体检结论"],
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        qualifications: Vec<QualificationKind> => ["任职资格", "资格证书"],
        field: u16 => ["专业领域", "领域"],
        #[serde(default)]
        leads_unit: bool => ["主要负责人"],
        #[serde(default)]
        function: Option<WorkFunction> => ["工作职能"],
        #[serde(default)]
        direct_leader: Option<CadreId> => ["直接上级"],
        #[serde(default)]
        home_area: Option<Locality> => ["成长地区划", "籍贯区划", "籍贯"],
        #[serde(default)]
        assessments: BTreeMap<i32, AssessmentGrade> => ["年度考核", "考核结果"],
    }
}

impl CadreRecord {
    /// The training the row records, as one credit ending on the dataset's day `as_of`: the
    /// days and 学时 of the window 第十四条 looks back over (five years for 县处级以上, one year
    /// below). Empty when neither column is filled.
    pub fn training(&self, as_of: NaiveDate) -> Vec<zugong_cadre::TrainingCredit> {
        if self.training_days.is_none() && self.training_hours.is_none() {
            return Vec::new();
        }
        vec![zugong_cadre::TrainingCredit::new(
            as_of,
            self.training_days.unwrap_or(0),
            self.training_hours.map_or(0, StudyHours::tenths),
        )]
    }

    /// Whether the row's training meets 第十四条 on the dataset's day `as_of` for the rank it
    /// holds (the row's credit ends on that day).
    pub fn training_met(&self, as_of: NaiveDate) -> bool {
        let senior = matches!(self.rank, RankOrGrade::Leadership(r) if r.level() >= zugong_core::RankLevel::CountyDivision);
        zugong_cadre::training_met(
            &self.training(as_of),
            senior,
            as_of,
            &zugong_cadre::TrainingFloor::default(),
        )
    }
}

record! {
    /// 亲属关系 (`relations`): two cadres related within the recusal degrees.
    RelationRecord in "relations" {
        a: CadreId => ["干部", "干部甲"],
        b: CadreId => ["亲属", "干部乙"],
        kinship: Kinship => ["关系", "亲属关系"],
    }
}

record! {
    /// 处分和组织处理 (`sanctions`): a dated 政务处分, 党纪处分, 诫勉, 组织处理 or accountable exit
    /// of a cadre, with the rank held when it took effect: the 影响期 the selection rules read.
    SanctionRecord in "sanctions" {
        cadre: CadreId => ["干部", "干部编号"],
        kind: Effect => ["类别", "处分类别", "处理类别"],
        effective_on: NaiveDate => ["生效日期", "决定日期", "处分日期"],
        #[serde(default)]
        rank_before: Option<RankOrGrade> => ["原职务层次", "时任职务层次"],
    }
}

record! {
    /// 人才 (`talents`): a talent in one of the four tiers.
    TalentRow in "talents" keyed Talent {
        id: TalentId => ["编号", "人才编号"],
        name: String => ["姓名"],
        birth_date: NaiveDate => ["出生日期"],
        employer: InstitutionId => ["工作单位", "用人单位", "依托单位"],
        tier: TalentTier => ["人才类别", "梯次"],
        #[serde(default)]
        industry: Option<String> => ["产业", "产业领域"],
        batch: u32 => ["批次"],
        starts_on: NaiveDate => ["培养期起", "入选日期"],
        #[serde(default)]
        cycle_years: Option<u32> => ["培养周期", "培养年限"],
        grant: Yuan => ["资助经费", "经费"],
        #[serde(default)]
        recognized_by: Option<String> => ["认定文件", "认定文号"],
        #[serde(default)]
        title: Option<ProfessionalTitle> => ["职称"],
        #[serde(default)]
        series: Option<String> => ["职称系列"],
        #[serde(default)]
        flexible_home: Option<String> => ["柔性引进原单位"],
        #[serde(default)]
        days_per_year: Option<u32> => ["每年服务天数"],
    }
}
