# Public workshop calendar (A2)
calendar-title = Workshops near you
calendar-lead = Learn in a small group, for free, with a helper. Choose a workshop and register with your name and phone number.
calendar-filters = Filter the workshops
calendar-all-modules = All workshops
calendar-all-languages = All languages
calendar-none = No workshop matches these choices for now.
calendar-ical = Add to my calendar (iCal)
result-workshops = Next workshops near you
workshop-about-module = What you will learn
workshop-dates = Dates
workshop-place = Place
workshop-place-none = Elsewhere (see the dates)
workshop-language = Language
workshop-device = Device
workshop-capacity = Places
workshop-seats-left = { $count ->
    [one] 1 place left
   *[other] { $count } places left
}
workshop-full = Full: waiting list
workshop-cancelled = This workshop is cancelled.
workshop-meetings-count = { $count } meetings
registration-public-title = Register
registration-public-waiting-title = Join the waiting list
registration-public-hint = We only ask your name and a phone number. We use them only to reach you about this workshop, and delete them 3 months after it.
registration-name = Name
registration-phone = Phone number
registration-email = E-mail (if you want an invitation by e-mail)
registration-submit = Register
registration-public-join-waiting = Put me on the waiting list
registration-public-booked = You are registered. See you there!
registration-public-waiting = The workshop is full. You are number { $position } on the waiting list. We call you if a place is free.
registration-closed = This workshop no longer takes registrations.
registration-error-name = Type a name.
registration-error-phone = Type a phone number, for example 0470 12 34 56.
registration-error-email = This e-mail address is not complete, for example name@example.be.

# Helper's workshop pages
workshops-title = Workshops
workshops-none = No workshop planned.
workshop-title = Workshop
workshop-new = Plan a workshop
workshop-module = Module
workshop-choose-module = Choose a module
workshop-date = Date of the first meeting
workshop-hours = Hours
workshop-start = From
workshop-end = To
workshop-weeks = Number of meetings
workshop-weeks-hint = One meeting a week, same day and hours.
workshop-facilitators = Facilitators
workshop-create = Plan the workshop
workshop-new-demand = { $count } people are waiting for this module at this place: they will be invited when you plan the workshop.
workshop-error-module = Choose a module of the catalogue.
workshop-error-place = Choose one of your places.
workshop-error-date = Give a date from today, within two years.
workshop-error-hours = Give the hours: the end after the start.
workshop-error-weeks = Give a number of meetings from 1 to 26.
workshop-error-capacity = Give a number of places from 1 to 100.
workshop-error-language = Choose a language.
workshop-error-device = Choose a device.
workshop-created = The workshop is planned.
workshop-created-invited = The workshop is planned. The people waiting are invited: by e-mail when they gave one, the others are on the call list.
workshop-public-page = Public page
workshop-participants = Participants
workshop-no-participant = Nobody registered yet.
workshop-waiting-list = Waiting list
workshop-no-waiting = Nobody on the waiting list.
workshop-register-someone = Register someone
workshop-register-submit = Register this person
workshop-person = Person followed
workshop-person-none = Nobody followed (type a name)
workshop-registered-booked = Registered.
workshop-registered-waiting = The workshop is full: put on the waiting list.
workshop-registration-cancelled = Registration cancelled. If someone was waiting, they now have the place.
registration-cancel = Cancel
workshop-cancel = Cancel the workshop
workshop-back = Back to the workshop
workshop-invitation-subject = A workshop for you: { $module }
# An SMS (one part: 160 characters once accents are made plain; see docs/messages.md).
sms-workshop-invitation = Relais: your workshop “{ $module }” on { $date }, { $place }. Sign up/info: { $phone }
workshop-invitation-body = Hello { $name },

    You asked for the workshop "{ $module }". A group is starting:

    { $dates }
    { $place }

    Register here: { $link }

    See you soon!
attendance-title = Attendance
attendance-take = Take attendance
attendance-hint = Tick who is here
attendance-save = Save the attendance
attendance-saved = Attendance saved.
demand-title = Requests for modules
demand-intro = People who want a module at one of your places. From { $count } people waiting, you can open a group: they are invited.
demand-none = No request waiting.
demand-waiting = { $count ->
    [one] 1 person waiting
   *[other] { $count } people waiting
}
demand-enough = Enough people for a group.
demand-open = Open a group
demand-add = Add a request
demand-added = The request is added.
demand-people = People waiting
demand-withdraw = Withdraw
demand-withdrawn = The request is withdrawn.
call-list-title = Call list
call-list-hint = The people invited to this group. Call those without e-mail; tick who you reached.
call-list-invited = Invited
call-list-reached = Reached
call-list-by-email = By e-mail
call-list-to-call = To call

# An organisation's own modules
module-new = Publish a module
module-new-intro = Your own module, beside the network's modules that every organisation can run. It appears in the public catalogue and you can plan workshops of it.
module-own = Your modules
module-title = Title
module-summary = In one sentence: what people learn
module-goals-field = Goals (one per line)
module-level-from = From level
module-level-to = To level
module-theme = Topic (to find help nearby)
module-duration = Duration
module-minutes = Minutes per meeting
module-resources-field-hint = One per line: a title, then the link (https://…).
module-publish = Publish the module
module-error-title = Give a title.
module-error-summary = Say in one sentence what people learn.
module-error-goals = Give at least one goal.
module-error-resources = Each link must start with https://, after its title.
module-error-levels = Choose an area, and a "to" level above the "from" level.
module-error-theme = Choose a topic.
module-error-devices = Choose at least one device.
module-error-languages = Choose at least one language.
module-error-duration = Give minutes from 15 to 480 and meetings from 1 to 26.

# Issue 14, item 8: a stale cancel or withdraw says that nothing changed
workshop-registration-unchanged = This registration was already cancelled: nothing changed.
demand-unchanged = This request was no longer waiting (withdrawn already, or the person is invited to a workshop): nothing was withdrawn.
