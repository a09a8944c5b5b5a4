use proptest::prelude::*;
use zugong_core::{CitizenIdError, CitizenIdNumber, Sex};

use crate::support::{check_char, valid_citizen_id};

proptest! {
    #[test]
    fn valid_ids_round_trip(s in valid_citizen_id()) {
        let id = CitizenIdNumber::parse(&s).unwrap();
        prop_assert_eq!(id.expose(), s.as_str());
        let json = serde_json::to_string(&id).unwrap();
        prop_assert_eq!(serde_json::from_str::<CitizenIdNumber>(&json).unwrap(), id);
        prop_assert_eq!(id.birth_date().format("%Y%m%d").to_string(), &s[6..14]);
        let seq: u16 = s[14..17].parse().unwrap();
        prop_assert_eq!(id.sex(), if seq % 2 == 1 { Sex::Male } else { Sex::Female });
        // Masked everywhere it can leak by accident.
        let shown = format!("{id} {id:?}");
        prop_assert!(!shown.contains(&s[6..14]));
    }

    #[test]
    fn any_single_digit_change_is_caught(s in valid_citizen_id(), pos in 0usize..17, delta in 1u8..10) {
        let mut bytes = s.into_bytes();
        bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(bytes).unwrap();
        // MOD 11-2 detects every single-digit substitution.
        prop_assert!(CitizenIdNumber::parse(&changed).is_err());
    }

    #[test]
    fn random_strings_never_panic(s in "\\PC{0,24}") {
        let _ = CitizenIdNumber::parse(&s);
        let _ = CitizenIdNumber::from_legacy(&s);
        let _ = serde_json::from_str::<CitizenIdNumber>(&format!("{s:?}"));
    }

    #[test]
    fn digit_strings_never_panic(s in "[0-9Xx]{15,18}") {
        let _ = CitizenIdNumber::parse(&s);
        let _ = CitizenIdNumber::from_legacy(&s);
    }

    #[test]
    fn legacy_numbers_upgrade(s in valid_citizen_id().prop_filter("20th century", |s| &s[6..8] == "19")) {
        let legacy = format!("{}{}", &s[..6], &s[8..17]);
        let id = CitizenIdNumber::from_legacy(&legacy).unwrap();
        prop_assert_eq!(id.expose(), s.as_str());
    }
}

#[test]
fn deserialization_validates() {
    let err = serde_json::from_str::<CitizenIdNumber>("\"110105194912310021\"").unwrap_err();
    assert!(
        err.to_string().contains("check character should be X"),
        "{err}"
    );
    assert!(serde_json::from_str::<CitizenIdNumber>("12345").is_err());
}

#[test]
fn ningxia_sample() {
    let body = "64010419880301002";
    let id = CitizenIdNumber::parse(&format!("{body}{}", check_char(body))).unwrap();
    assert_eq!(id.address_code().to_string(), "640104");
    assert_eq!(id.address_code().province().to_string(), "640000");
    assert_eq!(id.sequence(), 2);
    assert_eq!(id.sex(), Sex::Female);
    assert!(matches!(
        CitizenIdNumber::parse("640104198803010020a"),
        Err(CitizenIdError::WrongLength {
            expected: 18,
            found: 19
        })
    ));
}
