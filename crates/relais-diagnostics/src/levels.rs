//! What a person can do at each level of each area, and what to learn next (message keys; the
//! texts are in locales/*/levels.ftl).

/// `CAN[area][level]`: areas in the order device, information, communication, procedures, safety.
pub const CAN: [[&str; 5]; 5] = [
    ["level-device-0-can", "level-device-1-can", "level-device-2-can", "level-device-3-can", "level-device-4-can"],
    ["level-information-0-can", "level-information-1-can", "level-information-2-can", "level-information-3-can", "level-information-4-can"],
    ["level-communication-0-can", "level-communication-1-can", "level-communication-2-can", "level-communication-3-can", "level-communication-4-can"],
    ["level-procedures-0-can", "level-procedures-1-can", "level-procedures-2-can", "level-procedures-3-can", "level-procedures-4-can"],
    ["level-safety-0-can", "level-safety-1-can", "level-safety-2-can", "level-safety-3-can", "level-safety-4-can"],
];

/// `NEXT[area][level]`.
pub const NEXT: [[&str; 5]; 5] = [
    ["level-device-0-next", "level-device-1-next", "level-device-2-next", "level-device-3-next", "level-device-4-next"],
    ["level-information-0-next", "level-information-1-next", "level-information-2-next", "level-information-3-next", "level-information-4-next"],
    ["level-communication-0-next", "level-communication-1-next", "level-communication-2-next", "level-communication-3-next", "level-communication-4-next"],
    ["level-procedures-0-next", "level-procedures-1-next", "level-procedures-2-next", "level-procedures-3-next", "level-procedures-4-next"],
    ["level-safety-0-next", "level-safety-1-next", "level-safety-2-next", "level-safety-3-next", "level-safety-4-next"],
];

#[cfg(test)]
mod tests {
    use super::*;

    const AREA_CODES: [&str; 5] = ["device", "information", "communication", "procedures", "safety"];

    #[test]
    fn keys_follow_area_and_level() {
        for (a, code) in AREA_CODES.iter().enumerate() {
            for l in 0..5 {
                assert_eq!(CAN[a][l], format!("level-{}-{}-can", code, l));
                assert_eq!(NEXT[a][l], format!("level-{}-{}-next", code, l));
            }
        }
    }
}
