//! Workshops end to end on the engine under test: the waiting list and its automatic promotion,
//! no overbooking under parallel registrations, on-demand grouping with invitations and the call
//! list, the public calendar and its iCalendar feed read back by a parser, the next workshop on a
//! diagnostic's result, planning errors, and another organisation getting nothing.

use relais_diagnostics::{
    catalogue, demand,
    workshops::{self, Cancellation, NewRegistration, NewWorkshop, Placed, Status},
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::harness::{TestApp, browser, signed_in};

async fn organisation(app: &TestApp, slug: &str) -> Uuid {
    relais_organisations::organisations::find_by_slug(&app.db, slug).await.unwrap().unwrap().id
}

/// A workshop of a network module at the organisation's first place, in a week.
async fn workshop(app: &TestApp, slug: &str, module: &str, capacity: i64) -> Uuid {
    let org = organisation(app, slug).await;
    let module = catalogue::by_code(&app.db, module).await.unwrap().unwrap();
    let place = relais_directory::places::places_of(&app.db, org).await.unwrap()[0].id;
    let start = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap() + Duration::days(7);
    let new = NewWorkshop {
        module_id: module.id,
        place_id: Some(place),
        language: "fr".into(),
        device: "smartphone".into(),
        capacity,
        facilitators: "Test".into(),
        meetings: vec![(start, start + Duration::hours(2)), (start + Duration::days(7), start + Duration::days(7) + Duration::hours(2))],
    };
    let id = Uuid::new_v4();
    assert!(workshops::create(&app.db, id, org, &new).await.unwrap());
    id
}

async fn statuses(app: &TestApp, id: Uuid) -> (usize, usize, i64) {
    let all = workshops::registrations(&app.db, id).await.unwrap();
    let w = workshops::find(&app.db, id).await.unwrap().unwrap();
    (all.iter().filter(|r| r.status == Status::Booked).count(), all.iter().filter(|r| r.status == Status::Waiting).count(), w.booked)
}

#[tokio::test]
async fn the_public_registers_the_waiting_list_fills_and_a_cancellation_promotes_the_first_waiting() {
    let app = TestApp::spawn_demo().await;
    let id = workshop(&app, "cpas-charleroi", "smartphone-first-steps", 2).await;
    let client = browser();
    let page = client.get(app.url(&format!("/workshops/{id}?lang=en"))).send().await.unwrap();
    let body = page.text().await.unwrap();
    let csrf = crate::harness::form_token(&body).unwrap();
    assert!(body.contains("2 places left"));
    // a name without a phone: a message, the name kept
    let wrong = client.post(app.url(&format!("/workshops/{id}/register?lang=en"))).form(&[("csrf", csrf.as_str()), ("name", "Marie"), ("phone", "12")]).send().await.unwrap();
    assert_eq!(wrong.status(), 422);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("Type a phone number") && body.contains("value=\"Marie\""));
    let mut locations = Vec::new();
    let mut ids = Vec::new();
    for (i, name) in ["Ann", "Bob", "Cleo", "Dirk"].iter().enumerate() {
        let form_id = Uuid::new_v4().to_string();
        ids.push(form_id.clone());
        let phone = format!("0470 12 34 5{i}");
        let response = client
            .post(app.url(&format!("/workshops/{id}/register")))
            .form(&[("csrf", csrf.as_str()), ("id", form_id.as_str()), ("name", name), ("phone", phone.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303);
        locations.push(response.headers()["location"].to_str().unwrap().to_string());
    }
    assert!(locations[0].ends_with("done=booked") && locations[1].ends_with("done=booked"));
    assert!(locations[2].ends_with("done=waiting&position=1") && locations[3].ends_with("done=waiting&position=2"));
    let waiting_page = client.get(app.url(&format!("{}&lang=en", locations[3]))).send().await.unwrap().text().await.unwrap();
    assert!(waiting_page.contains("number 2 on the waiting list"), "{}", &waiting_page[waiting_page.find("<main").unwrap_or(0)..]);
    // a double submit (the same form again) registers once
    let again = client
        .post(app.url(&format!("/workshops/{id}/register")))
        .form(&[("csrf", csrf.as_str()), ("id", ids[0].as_str()), ("name", "Ann"), ("phone", "0470 12 34 50")])
        .send()
        .await
        .unwrap();
    assert!(again.headers()["location"].to_str().unwrap().ends_with("done=booked"));
    assert_eq!(statuses(&app, id).await, (2, 2, 2));

    // the coordinator cancels Bob: Cleo, first waiting, gets the place
    let (coordinator, coordinator_csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let regs = workshops::registrations(&app.db, id).await.unwrap();
    let bob = regs.iter().find(|r| r.name == "Bob").unwrap().id;
    let cancelled = coordinator
        .post(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}/registrations/{bob}/cancel")))
        .form(&[("csrf", coordinator_csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), 303);
    let regs = workshops::registrations(&app.db, id).await.unwrap();
    assert_eq!(regs.iter().find(|r| r.name == "Cleo").unwrap().status, Status::Booked);
    assert_eq!(regs.iter().find(|r| r.name == "Dirk").unwrap().status, Status::Waiting);
    assert_eq!(statuses(&app, id).await, (2, 1, 2));
    // cancelling someone waiting promotes nobody; cancelling a place with nobody waiting frees it
    let dirk = regs.iter().find(|r| r.name == "Dirk").unwrap().id;
    assert_eq!(workshops::cancel_registration(&app.db, id, dirk).await.unwrap(), Cancellation::Cancelled { promoted: None });
    assert_eq!(statuses(&app, id).await, (2, 0, 2));
    let ann = regs.iter().find(|r| r.name == "Ann").unwrap().id;
    assert_eq!(workshops::cancel_registration(&app.db, id, ann).await.unwrap(), Cancellation::Cancelled { promoted: None });
    assert_eq!(statuses(&app, id).await, (1, 0, 1));
    // cancelled twice: nothing more happens, and it says so
    assert_eq!(workshops::cancel_registration(&app.db, id, ann).await.unwrap(), Cancellation::Unchanged);
    assert_eq!(statuses(&app, id).await, (1, 0, 1));

    // the helper's page lists them; Eupen sees nothing of it
    let page = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Cleo") && page.contains("0470 12 34 52"));
    let (eupen, eupen_csrf) = signed_in(&app, "coordinator.eupen@demo.relais.be").await;
    assert_eq!(eupen.get(app.url(&format!("/organisations/oeshz-eupen/workshops/{id}"))).send().await.unwrap().status(), 404);
    let cleo = regs.iter().find(|r| r.name == "Cleo").unwrap().id;
    let refused =
        eupen.post(app.url(&format!("/organisations/oeshz-eupen/workshops/{id}/registrations/{cleo}/cancel"))).form(&[("csrf", eupen_csrf.as_str())]).send().await.unwrap();
    assert_eq!(refused.status(), 404);
    assert_eq!(statuses(&app, id).await, (1, 0, 1));
    let theirs = eupen.get(app.url("/organisations/oeshz-eupen/workshops")).send().await.unwrap().text().await.unwrap();
    assert!(!theirs.contains(&id.to_string()));

    // attendance on a phone: Cleo came
    let meeting = workshops::find(&app.db, id).await.unwrap().unwrap().meetings[0].id;
    let saved = coordinator
        .post(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}/attendance/{meeting}")))
        .form(&[("csrf", coordinator_csrf.as_str()), ("present", &cleo.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    assert_eq!(workshops::present_at(&app.db, meeting).await.unwrap(), vec![cleo]);

    // a cancelled workshop takes no more registrations
    let org = organisation(&app, "cpas-charleroi").await;
    assert!(workshops::cancel(&app.db, org, id).await.unwrap());
    let closed = workshops::register(&app.db, id, Uuid::new_v4(), &NewRegistration { name: "Late".into(), phone: "0470123456".into(), ..Default::default() }).await.unwrap();
    assert_eq!(closed, Placed::Closed);
}

#[tokio::test]
async fn parallel_registrations_beyond_capacity_never_overbook() {
    let app = TestApp::spawn_demo().await;
    let id = workshop(&app, "clic-bruxelles", "scams-and-phishing", 5).await;
    let mut tasks = Vec::new();
    for i in 0..30 {
        let db = app.db.clone();
        tasks.push(tokio::spawn(async move {
            let who = NewRegistration { name: format!("Person {i}"), phone: format!("0470 00 00 {i:02}"), ..Default::default() };
            workshops::register(&db, id, Uuid::new_v4(), &who).await.unwrap()
        }));
    }
    let mut booked = 0;
    let mut positions = Vec::new();
    for t in tasks {
        match t.await.unwrap() {
            Placed::Booked => booked += 1,
            Placed::Waiting(p) => positions.push(p),
            Placed::Closed => panic!("open workshop"),
        }
    }
    assert_eq!(booked, 5, "exactly the capacity is booked");
    positions.sort();
    assert_eq!(positions, (1..=25).collect::<Vec<i64>>(), "each waiting person has their own place in the queue");
    assert_eq!(statuses(&app, id).await, (5, 25, 5));
    // and in parallel, cancellations promote each waiting person once
    let booked_ids: Vec<Uuid> = workshops::registrations(&app.db, id).await.unwrap().into_iter().filter(|r| r.status == Status::Booked).map(|r| r.id).collect();
    let mut tasks = Vec::new();
    for r in booked_ids {
        let db = app.db.clone();
        tasks.push(tokio::spawn(async move { workshops::cancel_registration(&db, id, r).await.unwrap() }));
    }
    let promoted: Vec<Uuid> = futures_join(tasks).await.into_iter().filter_map(Cancellation::promoted).collect();
    assert_eq!(promoted.len(), 5);
    let mut unique = promoted.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 5, "five different people promoted");
    assert_eq!(statuses(&app, id).await, (5, 20, 5));
}

async fn futures_join<T>(tasks: Vec<tokio::task::JoinHandle<T>>) -> Vec<T> {
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

#[tokio::test]
async fn enough_requests_for_a_module_prompt_a_group_whose_opening_invites_them() {
    let app = TestApp::spawn_demo().await;
    let org = organisation(&app, "cpas-charleroi").await;
    let module = catalogue::by_code(&app.db, "gps-and-public-transport").await.unwrap().unwrap();
    let place = relais_directory::places::places_of(&app.db, org).await.unwrap()[0].id;
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    // a request with a wrong phone: a message, nothing lost
    let wrong = worker
        .post(app.url("/organisations/cpas-charleroi/demand?lang=en"))
        .form(&[("csrf", csrf.as_str()), ("module", &module.id.to_string()), ("place", &place.to_string()), ("name", "Jef"), ("phone", "abc")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    assert!(wrong.text().await.unwrap().contains("value=\"Jef\""));
    for i in 0..demand::GROUP_SIZE {
        let email = if i % 2 == 0 { format!("wacht.{i}@example.be") } else { String::new() };
        let added = worker
            .post(app.url("/organisations/cpas-charleroi/demand"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("id", &Uuid::new_v4().to_string()),
                ("module", &module.id.to_string()),
                ("place", &place.to_string()),
                ("name", &format!("Wachtende {i}")),
                ("phone", &format!("0470 11 22 3{i}")),
                ("email", email.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(added.status(), 303);
        let waiting = demand::waiting(&app.db, org).await.unwrap().into_iter().find(|w| w.module_id == module.id).unwrap();
        assert_eq!(waiting.enough(), i + 1 >= demand::GROUP_SIZE);
    }
    let page = worker.get(app.url("/organisations/cpas-charleroi/demand?lang=en")).send().await.unwrap().text().await.unwrap();
    let open = format!("/organisations/cpas-charleroi/workshops/new?module={}&#38;place={place}&#38;demand=1", module.id);
    assert!(
        page.contains("Enough people for a group") && page.contains(&open),
        "the prompt to open a group: {}",
        &page[page.find("<main").unwrap_or(0)..][..3000.min(page.len() - page.find("<main").unwrap_or(0))]
    );

    // opening the group: a planning error first (the date is kept)
    let form = worker.get(app.url(&open.replace("&#38;", "&"))).send().await.unwrap().text().await.unwrap();
    assert!(form.contains("name=\"demand\" value=\"1\""));
    let date = (jiff::Zoned::now().date() + jiff::Span::new().days(10)).to_string();
    let fields = |start: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("id", Uuid::new_v4().to_string()),
            ("demand", "1".into()),
            ("module", module.id.to_string()),
            ("place", place.to_string()),
            ("date", date.clone()),
            ("start", start.to_string()),
            ("end", "12:00".into()),
            ("weeks", "2".into()),
            ("capacity", "8".into()),
            ("language", "nl".into()),
            ("device", "smartphone".into()),
        ]
    };
    let wrong = worker.post(app.url("/organisations/cpas-charleroi/workshops/new?lang=en")).form(&fields("13:00")).send().await.unwrap();
    assert_eq!(wrong.status(), 422);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("the end after the start") && body.contains(&format!("value=\"{date}\"")));
    let created = worker.post(app.url("/organisations/cpas-charleroi/workshops/new")).form(&fields("09:30")).send().await.unwrap();
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    assert!(location.ends_with("done=invited"));
    let id = Uuid::parse_str(location.split('/').nth(4).unwrap().split('?').next().unwrap()).unwrap();
    let w = workshops::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!(w.meetings.len(), 2);
    // everyone waiting is invited: by e-mail when they gave one, the rest on the call list
    let invited = demand::invited_to(&app.db, org, id).await.unwrap();
    assert_eq!(invited.len() as i64, demand::GROUP_SIZE);
    assert!(demand::waiting(&app.db, org).await.unwrap().iter().all(|x| x.module_id != module.id));
    // The invitations are sent by the jobs: e-mail to those who gave an address, SMS to those
    // who gave only a mobile number (in the workshop's language, Dutch here).
    assert!(relais_core::mail::read_outbox(app.outbox.path()).iter().all(|(_, _, body)| !body.contains(&format!("/workshops/{id}"))), "nothing sent while the coordinator waits");
    app.job_runner().run_once().await.unwrap();
    let mails = app.mails().await;
    let with_email = invited.iter().filter(|r| !r.email.is_empty()).count();
    let sms = app.sms();
    let by_sms: Vec<_> =
        invited.iter().filter(|r| r.email.is_empty() && relais_core::sms::belgian_e164(&r.phone).is_some_and(|n| relais_core::sms::is_belgian_mobile(&n))).collect();
    assert!(!by_sms.is_empty(), "the demo has people waiting with only a mobile number");
    assert_eq!(sms.len(), by_sms.len(), "{sms:?}");
    for (to, text) in &sms {
        assert!(to.starts_with("+324"), "{to}");
        assert!(text.starts_with("Relais: uw workshop"), "in Dutch: {text}");
        assert_eq!(relais_core::sms::length(text).parts, 1, "{text}");
    }
    // A second round sends nothing again.
    app.job_runner().run_once().await.unwrap();
    assert_eq!((app.sms().len(), app.mails().await.len()), (sms.len(), mails.len()));
    assert_eq!(mails.iter().filter(|(to, _, body)| to.starts_with("wacht.") && body.contains(&format!("/workshops/{id}"))).count(), with_email);
    let calls = worker.get(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}/call-list?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert_eq!(calls.matches("To call").count(), invited.len() - with_email);
    assert!(calls.contains("0470 11 22 31"));
    // a volunteer may register people but not plan workshops nor read the call list
    let (volunteer, _) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    assert_eq!(volunteer.get(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}/call-list"))).send().await.unwrap().status(), 403);
}

#[tokio::test]
async fn a_volunteer_facilitates_with_first_names_only_and_cancels_only_whom_they_registered() {
    let app = TestApp::spawn_demo().await;
    let id = workshop(&app, "cpas-charleroi", "smartphone-first-steps", 2).await;
    for (name, phone) in [("Nadia Kaddouri", "0471 11 22 33"), ("Bert Peeters", "0472 22 33 44")] {
        let who = NewRegistration { name: name.into(), phone: phone.into(), ..Default::default() };
        assert_eq!(workshops::register(&app.db, id, Uuid::new_v4(), &who).await.unwrap(), Placed::Booked);
    }
    let (volunteer, csrf) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    // a volunteer registers someone (on the waiting list: the workshop is full)
    let registered = volunteer
        .post(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}/registrations")))
        .form(&[("csrf", csrf.as_str()), ("id", &Uuid::new_v4().to_string()), ("name", "Chantal Dubois"), ("phone", "0473 44 55 66")])
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), 303);
    let regs = workshops::registrations(&app.db, id).await.unwrap();
    let phones: Vec<String> = regs.iter().map(|r| r.phone.clone()).collect();
    let by_name = |name: &str| regs.iter().find(|r| r.name == name).unwrap().id;

    // the workshop's page and its attendance list: first names and initials, no phone number
    let page = volunteer.get(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}?lang=en"))).send().await.unwrap().text().await.unwrap();
    let meeting = workshops::find(&app.db, id).await.unwrap().unwrap().meetings[0].id;
    let attendance = volunteer.get(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}/attendance/{meeting}?lang=en"))).send().await.unwrap().text().await.unwrap();
    for body in [&page, &attendance] {
        assert!(body.contains("Nadia K.") && body.contains("Bert P."), "first names and initials");
        assert!(!body.contains("Kaddouri") && !body.contains("Peeters"), "no surname");
        assert!(phones.iter().all(|p| !body.contains(p.as_str())), "no phone number");
    }
    assert!(page.contains("Chantal D.") && !page.contains("Dubois"));
    assert!(!page.contains(&format!("/registrations/{}/cancel", by_name("Nadia Kaddouri"))), "no cancelling others");
    assert!(page.contains(&format!("/registrations/{}/cancel", by_name("Chantal Dubois"))), "but whom they registered");
    // the demand: no list of the people waiting, no phone
    let demand_page = volunteer.get(app.url("/organisations/cpas-charleroi/demand?lang=en")).send().await.unwrap().text().await.unwrap();
    let org = organisation(&app, "cpas-charleroi").await;
    let waiting = demand::list(&app.db, org, "waiting").await.unwrap();
    assert!(!waiting.is_empty());
    assert!(waiting.iter().all(|r| !demand_page.contains(&r.phone) && !demand_page.contains(&format!("/demand/{}/withdraw", r.id))));
    // the coordinator sees them in full
    let (coordinator, _) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let full = coordinator.get(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}?lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(full.contains("Nadia Kaddouri") && full.contains("0471 11 22 33"));
    let full_demand = coordinator.get(app.url("/organisations/cpas-charleroi/demand?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(full_demand.contains(&waiting[0].phone));

    // cancelling: someone else's is refused, their own goes, a second time changes nothing
    let cancel = |registration: Uuid| {
        volunteer.post(app.url(&format!("/organisations/cpas-charleroi/workshops/{id}/registrations/{registration}/cancel?lang=en"))).form(&[("csrf", csrf.as_str())]).send()
    };
    assert_eq!(cancel(by_name("Nadia Kaddouri")).await.unwrap().status(), 403);
    assert_eq!(statuses(&app, id).await, (2, 1, 2));
    let done = cancel(by_name("Chantal Dubois")).await.unwrap();
    assert_eq!(done.status(), 303);
    assert!(done.headers()["location"].to_str().unwrap().ends_with("done=cancelled"));
    assert_eq!(statuses(&app, id).await, (2, 0, 2));
    let again = cancel(by_name("Chantal Dubois")).await.unwrap();
    let location = again.headers()["location"].to_str().unwrap().to_string();
    assert!(location.ends_with("done=unchanged"), "{location}");
    let notice = volunteer.get(app.url(&format!("{location}&lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(notice.contains("already cancelled: nothing changed"));
    assert_eq!(cancel(Uuid::new_v4()).await.unwrap().status(), 404);
    // nor does a volunteer withdraw requests for a module
    let refused = volunteer.post(app.url(&format!("/organisations/cpas-charleroi/demand/{}/withdraw", waiting[0].id))).form(&[("csrf", csrf.as_str())]).send().await.unwrap();
    assert_eq!(refused.status(), 403);
}

#[tokio::test]
async fn withdrawing_a_request_says_what_happened_and_a_foreign_one_is_not_found() {
    let app = TestApp::spawn_demo().await;
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let eupen = organisation(&app, "oeshz-eupen").await;
    let own = demand::list(&app.db, charleroi, "waiting").await.unwrap()[0].id;
    let foreign = demand::list(&app.db, eupen, "waiting").await.unwrap()[0].id;
    let (worker, csrf) = signed_in(&app, "worker.charleroi@demo.relais.be").await;
    let withdraw = |request: Uuid| worker.post(app.url(&format!("/organisations/cpas-charleroi/demand/{request}/withdraw"))).form(&[("csrf", csrf.as_str())]).send();
    // another organisation's request looks like one that does not exist, and stays waiting
    let unknown = Uuid::new_v4();
    let (foreign_answer, unknown_answer) = (withdraw(foreign).await.unwrap(), withdraw(unknown).await.unwrap());
    assert_eq!((foreign_answer.status().as_u16(), unknown_answer.status().as_u16()), (404, 404));
    // (the page names the address asked for)
    assert_eq!(foreign_answer.text().await.unwrap().replace(&foreign.to_string(), &unknown.to_string()), unknown_answer.text().await.unwrap());
    assert_eq!(demand::find(&app.db, eupen, foreign).await.unwrap().unwrap().status, "waiting");
    // its own: withdrawn; a second time, nothing to withdraw, and the page says so
    let first = withdraw(own).await.unwrap();
    assert!(first.headers()["location"].to_str().unwrap().ends_with("?done=withdrawn"));
    assert_eq!(demand::find(&app.db, charleroi, own).await.unwrap().unwrap().status, "withdrawn");
    let second = withdraw(own).await.unwrap();
    let location = second.headers()["location"].to_str().unwrap().to_string();
    assert!(location.ends_with("?done=unchanged"), "{location}");
    let page = worker.get(app.url(&format!("{location}&lang=en"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("nothing was withdrawn") && !page.contains("The request is withdrawn"));
}

#[tokio::test]
async fn the_public_calendar_filters_and_its_ical_feed_reads_back() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let app = TestApp::spawn_demo().await;
    let page = app.get("/workshops?lang=en").await.text().await.unwrap();
    assert!(page.contains("Workshops near you") && page.contains("/workshops/"));
    let near = app.get("/workshops?postcode=2880&lang=nl").await.text().await.unwrap();
    let charleroi = organisation(&app, "cpas-charleroi").await;
    let far = relais_directory::places::places_of(&app.db, charleroi).await.unwrap()[0].name(relais_core::i18n::Locale::Nl).to_string();
    assert!(near.contains("/workshops/") && near.contains(" km"), "workshops near 2880");
    assert!(!near.contains(&far), "not {far}, 90 km away");
    let one = app.get("/workshops?module=itsme-and-eid-login&lang=en").await.text().await.unwrap();
    assert!(one.contains("itsme"));
    assert!(!one.contains("Scams"));
    let unknown = app.get("/workshops?postcode=9999&lang=en").await;
    assert_eq!(unknown.status(), 200);
    assert!(unknown.text().await.unwrap().contains("We do not know this postcode"));

    let feed = app.get("/workshops.ics?lang=fr").await;
    assert_eq!(feed.status(), 200);
    assert!(feed.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = feed.text().await.unwrap();
    let calendar: Calendar = text.parse().unwrap();
    let events: Vec<_> = calendar.components.iter().filter_map(|c| if let CalendarComponent::Event(e) = c { Some(e) } else { None }).collect();
    let upcoming = workshops::upcoming(&app.db, OffsetDateTime::now_utc(), 500).await.unwrap();
    assert_eq!(events.len(), upcoming.iter().map(|w| w.meetings.len()).sum::<usize>());
    assert!(events.iter().all(|e| e.get_start().is_some() && e.get_end().is_some() && e.get_summary().is_some() && e.property_value("LOCATION").is_some()));
    let first = &upcoming[0];
    let single: Calendar = app.get(&format!("/workshops/{}.ics", first.id)).await.text().await.unwrap().parse().unwrap();
    assert_eq!(single.components.iter().filter(|c| matches!(c, CalendarComponent::Event(_))).count(), first.meetings.len());
    assert_eq!(app.get(&format!("/workshops/{}.ics", Uuid::new_v4())).await.status(), 404);
}

#[tokio::test]
async fn a_result_shows_the_next_workshop_of_its_modules_near_the_person() {
    let app = TestApp::spawn_demo().await;
    // a diagnostic of Charleroi's demo whose modules include one with a coming workshop
    let org = organisation(&app, "cpas-charleroi").await;
    let coming = workshops::of_organisation(&app.db, org, OffsetDateTime::now_utc(), 10).await.unwrap();
    let modules = catalogue::available_to(&app.db, Some(org)).await.unwrap();
    let codes: Vec<String> = coming.iter().filter_map(|w| modules.iter().find(|m| m.id == w.module_id)).map(|m| m.code.clone()).collect();
    let list = relais_diagnostics::diagnostics::of_organisation(&app.db, org, 100).await.unwrap();
    let d = list.iter().find(|d| d.modules.iter().any(|m| codes.contains(m))).expect("a demo diagnostic proposing a module with a coming workshop");
    let page = app.get(&format!("/diagnostic/{}/result?lang=en&postcode=6000", d.id)).await.text().await.unwrap();
    assert!(page.contains("Next workshops near you"), "the next workshop");
    assert!(page.contains("id=\"result-workshops\""));
}

#[tokio::test]
async fn an_organisation_publishes_its_own_module_and_plans_a_workshop_of_it() {
    let app = TestApp::spawn_demo().await;
    let (coordinator, csrf) = signed_in(&app, "coordinator.charleroi@demo.relais.be").await;
    let form = |to: &str, resource: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("title", "WhatsApp en famille".to_string()),
            ("summary", "Envoyer des photos à ses petits-enfants.".to_string()),
            ("goals", "Installer WhatsApp\nEnvoyer une photo".to_string()),
            ("area", "communication".to_string()),
            ("from", "1".to_string()),
            ("to", to.to_string()),
            ("theme", "messaging".to_string()),
            ("devices", "smartphone".to_string()),
            ("languages", "fr".to_string()),
            ("minutes", "90".to_string()),
            ("meetings", "2".to_string()),
            ("resources", resource.to_string()),
        ]
    };
    // levels the wrong way round and a link without https: refused, the title kept
    let wrong = coordinator.post(app.url("/organisations/cpas-charleroi/modules?lang=en")).form(&form("1", "Aide www.example.be")).send().await.unwrap();
    assert_eq!(wrong.status(), 422);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("above the") && body.contains("must start with https://") && body.contains("WhatsApp en famille"));
    let created = coordinator.post(app.url("/organisations/cpas-charleroi/modules")).form(&form("3", "Aide WhatsApp https://faq.whatsapp.com")).send().await.unwrap();
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, "/catalogue/cpas-charleroi-whatsapp-en-famille");
    let page = app.get(&format!("{location}?lang=fr")).await.text().await.unwrap();
    assert!(page.contains("WhatsApp en famille") && page.contains("https://faq.whatsapp.com"));
    // Charleroi can plan it; Eupen does not see it among its modules to plan
    let org = organisation(&app, "cpas-charleroi").await;
    assert!(catalogue::available_to(&app.db, Some(org)).await.unwrap().iter().any(|m| m.code == "cpas-charleroi-whatsapp-en-famille"));
    let eupen = organisation(&app, "oeshz-eupen").await;
    assert!(!catalogue::available_to(&app.db, Some(eupen)).await.unwrap().iter().any(|m| m.code == "cpas-charleroi-whatsapp-en-famille"));
    let id = workshop(&app, "cpas-charleroi", "cpas-charleroi-whatsapp-en-famille", 6).await;
    let public = app.get(&format!("/workshops/{id}?lang=fr")).await.text().await.unwrap();
    assert!(public.contains("WhatsApp en famille"));
    // a volunteer may not publish modules
    let (volunteer, volunteer_csrf) = signed_in(&app, "volunteer.charleroi@demo.relais.be").await;
    let refused = volunteer.post(app.url("/organisations/cpas-charleroi/modules")).form(&[("csrf", volunteer_csrf.as_str())]).send().await.unwrap();
    assert_eq!(refused.status(), 403);
}

#[tokio::test]
async fn contacts_given_for_a_workshop_are_cleared_three_months_after_it() {
    let app = TestApp::spawn_demo().await;
    let org = organisation(&app, "cpas-charleroi").await;
    let module = catalogue::by_code(&app.db, "email-basics").await.unwrap().unwrap();
    let long_ago = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap() - Duration::days(120);
    let old = Uuid::new_v4();
    let new = NewWorkshop {
        module_id: module.id,
        place_id: None,
        language: "fr".into(),
        device: "pc".into(),
        capacity: 5,
        facilitators: String::new(),
        meetings: vec![(long_ago, long_ago + Duration::hours(2))],
    };
    assert!(workshops::create(&app.db, old, org, &new).await.unwrap());
    workshops::register(&app.db, old, Uuid::new_v4(), &NewRegistration { name: "Ancien".into(), phone: "0470 99 99 99".into(), ..Default::default() }).await.unwrap();
    let recent = workshop(&app, "cpas-charleroi", "email-basics", 5).await;
    workshops::register(&app.db, recent, Uuid::new_v4(), &NewRegistration { name: "Récent".into(), phone: "0470 88 88 88".into(), ..Default::default() }).await.unwrap();
    let cleared = workshops::forget_contacts(&app.db, OffsetDateTime::now_utc()).await.unwrap();
    assert!(cleared >= 1);
    let old_regs = workshops::registrations(&app.db, old).await.unwrap();
    assert_eq!(old_regs.len(), 1, "the registration stays, for the figures");
    assert!(old_regs[0].name.is_empty() && old_regs[0].phone.is_empty());
    assert_eq!(workshops::registrations(&app.db, recent).await.unwrap()[0].name, "Récent");
    // the command line runs it too
    let again = workshops::forget_contacts(&app.db, OffsetDateTime::now_utc()).await.unwrap();
    assert_eq!(again, 0, "nothing left to clear");
}
