//! Fictional names: people, places and bodies. Common Chinese surnames and given-name
//! characters, and place names made of ordinary words; no real person is named.

use super::rng::Rng;

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "马", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
    "林", "何", "郭", "罗", "田", "丁", "海", "金", "白", "冯", "于", "董", "萧", "程", "曹", "袁",
    "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "魏", "薛", "叶", "闫",
    "余", "潘", "杜", "戴", "夏", "钟", "汪", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹",
];

const GIVEN: &[&str] = &[
    "志", "建", "国", "明", "华", "文", "军", "平", "红", "玉", "兰", "英", "秀", "芳", "丽", "静",
    "伟", "强", "磊", "洋", "勇", "杰", "涛", "超", "鹏", "辉", "敏", "燕", "霞", "娟", "梅", "琳",
    "海", "波", "宁", "安", "东", "新", "春", "晓", "慧", "欣", "佳", "宇", "浩", "晨", "博", "瑞",
    "德", "福", "生", "荣", "林", "成", "贵", "有", "学", "正", "永", "忠", "俊", "嘉", "雪", "婷",
];

const PLACE_A: &[&str] = &[
    "清", "河", "金", "石", "红", "沙", "月", "杨", "黄", "青", "白", "长", "新", "丰", "安", "和",
    "平", "兴", "宁", "泉", "柳", "川", "湖", "山", "塔", "桥", "原", "林", "阳", "明", "福", "惠",
];

const PLACE_B: &[&str] = &[
    "水", "西", "口", "沙", "泉", "柳", "湖", "牙", "渠", "堡", "滩", "台", "庄", "集", "坪", "岗",
    "源", "川", "湾", "寨", "门", "营", "屯", "坊", "关", "峰", "谷", "洲", "塘", "园", "梁", "苑",
];

/// Bureaus of a county government (县直机关), with the work function that matters for recusal.
pub(crate) const BUREAUS: &[(&str, Option<&str>)] = &[
    ("县委组织部", Some("organization")),
    ("县纪委监委", Some("discipline")),
    ("县审计局", Some("audit")),
    ("县财政局", Some("finance")),
    ("县人力资源和社会保障局", Some("personnel")),
    ("县发展和改革局", None),
    ("县教育体育局", None),
    ("县自然资源局", None),
    ("县住房和城乡建设局", None),
    ("县交通运输局", None),
    ("县农业农村局", None),
    ("县水务局", None),
    ("县商务和投资促进局", None),
    ("县文化旅游广电局", None),
    ("县卫生健康局", None),
    ("县应急管理局", None),
    ("县市场监督管理局", None),
    ("县统计局", None),
    ("县医疗保障局", None),
    ("县林业和草原局", None),
    ("县民政局", None),
    ("县司法局", None),
    ("县科学技术局", None),
    ("县退役军人事务局", None),
    ("县生态环境分局", None),
    ("县信访局", None),
];

/// Enterprises and institutions (两新组织, 国企, 事业单位) of a county.
pub(crate) const ENTERPRISES: &[(&str, &str)] = &[
    ("县城市建设投资集团有限公司", "state_owned_enterprise"),
    ("县供排水有限公司", "state_owned_enterprise"),
    ("县农业发展投资有限公司", "state_owned_enterprise"),
    ("枸杞产业有限公司", "non_public_enterprise"),
    ("葡萄酒庄有限公司", "non_public_enterprise"),
    ("新材料科技有限公司", "non_public_enterprise"),
    ("肉牛养殖专业合作社", "non_public_enterprise"),
    ("物流有限公司", "non_public_enterprise"),
    ("县第一中学", "public_institution"),
    ("县第二小学", "public_institution"),
    ("县人民医院", "public_institution"),
    ("县中医医院", "public_institution"),
    ("县个体劳动者协会", "social_organization"),
    ("县快递物流行业", "new_employment_group"),
];

/// A person's name: surname and one or two given characters.
pub(crate) fn person(rng: &mut Rng) -> String {
    let mut s = String::new();
    s.push_str(rng.pick(SURNAMES).copied().unwrap_or("王"));
    s.push_str(rng.pick(GIVEN).copied().unwrap_or("明"));
    if rng.chance(750) {
        s.push_str(rng.pick(GIVEN).copied().unwrap_or("华"));
    }
    s
}

/// A two-character place name; `n` distinct names come from `n` distinct indices.
pub(crate) fn place(index: u64, salt: u64) -> String {
    let a = PLACE_A.len() as u64;
    let b = PLACE_B.len() as u64;
    // 389 is prime to 1024: distinct indices below 1024 give distinct names.
    let i = (index.wrapping_mul(389).wrapping_add(salt.wrapping_mul(97))) % (a * b);
    let first = PLACE_A.get((i / b) as usize).copied().unwrap_or("新");
    let second = PLACE_B.get((i % b) as usize).copied().unwrap_or("庄");
    format!("{first}{second}")
}
