# Diagnostic: the five areas
area-device = Device and basics
area-information = Finding information
area-communication = Communicating
area-procedures = Online procedures and payments
area-safety = Safety

# Start page (public, A2)
diagnostic-title = What can I do online?
diagnostic-lead = A short check of your digital skills. Then we show you what to learn next, and where.
diagnostic-areas = The five parts of the check
diagnostic-promise-time = It takes about 10 minutes. There is no time limit.
diagnostic-promise-dont-know = You can always answer "I don't know". That is fine.
diagnostic-promise-private = We do not ask your name. Nobody sees your answers unless you show your code to a helper.
diagnostic-start = Start
read-aloud = Read aloud

# Intake
intake-title = A few questions about you
intake-lead = Tick what is true for you. You can skip a question.
intake-devices = Which devices do you use?
intake-device-smartphone = Smartphone
intake-device-tablet = Tablet
intake-device-computer = Computer
intake-connection = Where do you use the Internet?
intake-connection-home = At home (Wi-Fi)
intake-connection-mobile = With mobile data
intake-connection-public = In a public place
intake-connection-none = Not at all
intake-identity = Do you have these?
intake-identity-itsme = itsme
intake-identity-eid = A card reader for the eID
intake-services = What have you already done online?
intake-service-email = E-mail
intake-service-banking = Banking
intake-service-health-insurance = Health insurance
intake-service-taxes = Taxes
intake-service-pension = Pension
intake-service-employment = Job search
intake-postcode = Your postcode
intake-postcode-hint = To show you help near you. You can leave it empty.
intake-postcode-unknown = We do not know this postcode. Type a Belgian postcode of 4 digits, for example 6000.
intake-continue = Continue

# Foundation gate
gate-title = First steps
gate-step = First steps
gate-touch-question = Touch the big button.
gate-touch-button = Here
gate-type-question = Type this word:
gate-type-label = The word
gate-type-ok = OK
gate-type-empty = Type the word in the box, or touch "I can't do it".
gate-wifi-question = Touch the sign of the Wi-Fi (the Internet without a cable).
gate-picture-wifi = Wi-Fi
gate-picture-battery = Battery
gate-picture-volume = Sound
gate-picture-camera = Camera
gate-cannot = I can't do it

# Questions
question-title = Question
question-number = Question { $number }
question-observed-hint = For the helper: watch the person do it on their own device, then choose.
question-no-hurry = Take your time. There is no time limit.
answer-dont-know = I don't know
answer-self-alone = Yes, on my own
answer-self-help = Yes, with help
answer-self-not-yet = Not yet
answer-observed-alone = Done alone
answer-observed-help = Done with help
answer-observed-not-done = Not done

# Result
result-title = Your result
result-lead = This is what you can already do, and what you can learn next.
result-print = Print
result-level = Level { $level } of 4
result-to-confirm = To confirm
result-to-confirm-hint = "To confirm": we are not sure yet. A helper can check it with you.
result-progress = Progress!
result-first-steps-title = Let's start with the first steps
result-first-steps = Using a device is new for you. That is fine: a helper can show you, step by step, with a device you can borrow.
result-modules = What to learn next
result-no-module = You are autonomous. You can help others, or ask a helper for new topics.
result-help = Help near you
result-no-help = We found no place near you for these topics.
result-search-help = Search all places
result-find-help = Find help
result-code-title = Your code
result-code-hint = Show this code to a helper. They can see your result and help you further.
result-override = Choose the modules (helper)
result-override-hint = The modules to propose (at most 3)
result-override-save = Save the modules

# Catalogue
catalogue-title = Workshops and modules
catalogue-lead = What you can learn in a workshop, in small groups, near you.
catalogue-filters = Filter the modules
catalogue-area = Topic
catalogue-all-areas = All topics
catalogue-device = Device
catalogue-all-devices = All devices
catalogue-filter = Show
catalogue-none = No module matches these choices.
catalogue-take-diagnostic = Not sure where to start? Do the short check.
catalogue-back = All modules
device-pc = Computer
device-tablet = Tablet
device-smartphone = Smartphone
module-meetings = { $count ->
    [one] 1 meeting of { $minutes } minutes
   *[other] { $count } meetings of { $minutes } minutes
}
module-network = Module of the network
module-goals = You will learn to
module-for-whom = For whom
module-target = { $area }: from level { $from } to level { $to }
module-prerequisites = Before you start
module-materials = What to bring
module-resources = Learn at home
module-resources-hint = Between the workshops, you can practise with these sites.

# Helper's pages
diagnostics-title = Diagnostics
diagnostics-intro = A short check of a person's digital skills in five areas, with the modules to propose. Do it with the person, or let them do it alone and link it with their code.
diagnostics-start = Start a diagnostic with a person
diagnostics-person = Person followed
diagnostics-person-none = Anonymous (no record)
diagnostics-start-button = Start the diagnostic
diagnostics-public-link = A person can also do it alone, without an account:
diagnostics-link = Link a diagnostic done alone
diagnostics-code = Code shown on the person's result
diagnostics-link-button = Link
diagnostics-link-empty = Type the code shown on the person's result.
diagnostics-linked = The diagnostic is linked.
diagnostics-latest = Latest diagnostics
diagnostics-none = No diagnostic yet.
diagnostics-when = Started
diagnostics-levels = Levels
diagnostics-in-progress = In progress
diagnostics-mode-assisted = With a helper
diagnostics-mode-alone = Alone

# Platform admins: the item bank
admin-items-title = Item bank of the diagnostic
admin-items-intro = Every question of the diagnostic, with how often it was answered and answered right. An item answered right much more (or less) often than its level suggests may need a new difficulty.
admin-item-title = Item
admin-item-code = Code
admin-item-question = Question
admin-item-alt = Text alternative of the picture
admin-item-options = Answers (one per line)
admin-item-answered = Answered
admin-item-right = Right
admin-item-inactive = not asked
admin-item-answer = Number of the right answer (0 = the first)
admin-item-difficulty = Difficulty (the level where half answer right)
admin-item-discrimination = Discrimination
admin-item-active = Sessions may ask this item
admin-item-save = Save the item
admin-item-saved = The item is saved.
admin-item-error-text = Give the question and the text alternative in each language.
admin-item-error-options = Give 3 or 4 answers, the same number in each language.
admin-item-error-answer = The right answer must be one of the answers (0 = the first).
admin-item-error-calibration = Give a difficulty from -1 to 5 and a discrimination from 0.2 to 4.
admin-items-recalibrate = Recalibrate from the answers
admin-items-recalibrate-hint = Sets the difficulty of each item answered at least { $count } times to the one that best explains the answers, given where each person was placed.
admin-items-recalibrated = { $count ->
    [one] 1 item recalibrated.
   *[other] { $count } items recalibrated.
}
admin-item-difficulty-short = Difficulty

# Issue 14, item 7: diagnostic codes (one answer for every refusal, throttle, expiry)
diagnostics-link-refused = This code opens no diagnostic: it does not exist, it is already linked or it is no longer valid (a code lasts { $days } days). Check the 6 characters with the person, or take the diagnostic together.
diagnostics-link-throttled = Too many codes tried. Wait { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    } before trying again.
result-code-valid-until = This code is valid up to and including { $date }. After that, you can take the diagnostic again with the helper.
