//! Guessing one-time passwords: five tries at most, and concurrent guesses cannot share a try.

use web_support::testing::Client;

use super::{PASSWORD, accounts, partners, request_otp, signup, signup_row, verify};
use crate::api_tests;
use crate::helpers::TestApp;

fn brute_force_kills_the_otp_after_five_tries(app: TestApp) {
    let c = &app.client;
    let (reg, otp) = request_otp(&app, signup("sdk-1", "Sdk", "ops@sdk.example", "SDK_Partner"));
    let wrong = if otp == "999999" { "999998" } else { "999999" };
    let answers: Vec<String> =
        (0..6).map(|_| verify(c, &reg, wrong, PASSWORD).error_code().unwrap_or("").to_owned()).collect();
    assert_eq!(answers, ["PMS_ONB_006", "PMS_ONB_006", "PMS_ONB_006", "PMS_ONB_006", "PMS_ONB_008", "PMS_ONB_008"]);
    assert_eq!(verify(c, &reg, &otp, PASSWORD).error_code(), Some("PMS_ONB_008"), "even the right OTP is dead now");
    assert_eq!(signup_row(&app, "ops@sdk.example").unwrap().otp_tries, 5);
    assert_eq!((partners(&app), accounts(&app)), (0, 0));
}

fn concurrent_guesses_cannot_share_a_try(app: TestApp) {
    let (reg, otp) = request_otp(&app, signup("race-1", "Race", "ops@race.example", "SDK_Partner"));
    let wrong = if otp == "999999" { "999998" } else { "999999" };
    let port: u16 = app.client.url("").rsplit(':').next().unwrap().parse().unwrap();
    let guesses: Vec<_> = (0..10)
        .map(|_| {
            let reg = reg.clone();
            std::thread::spawn(move || {
                verify(&Client::new(port), &reg, wrong, PASSWORD).error_code().map(str::to_owned)
            })
        })
        .collect();
    let mut codes: Vec<String> = guesses.into_iter().map(|g| g.join().unwrap().unwrap_or_default()).collect();
    codes.sort();
    let wrong_ones = codes.iter().filter(|c| *c == "PMS_ONB_006").count();
    let locked = codes.iter().filter(|c| *c == "PMS_ONB_008").count();
    assert_eq!((wrong_ones, locked), (4, 6), "{codes:?}");
    assert_eq!(signup_row(&app, "ops@race.example").unwrap().otp_tries, 5, "exactly the allowed tries were spent");
    assert_eq!(verify(&app.client, &reg, &otp, PASSWORD).error_code(), Some("PMS_ONB_008"));
}

api_tests!(brute_force_kills_the_otp_after_five_tries, concurrent_guesses_cannot_share_a_try);
