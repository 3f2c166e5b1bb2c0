## Page shell
shell-description = Relais: find help with online procedures, near you.
shell-skip-to-content = Skip to content
shell-demo-banner-title = Demo instance.
shell-demo-banner-text = The organisations, places and people are fictitious.
shell-language-nav = Language
shell-footer-tagline = Relais helps public centres for social welfare (CPAS/OCMW) and their partners support people far from digital.
shell-footer-privacy = Your data stays in your organisation. No ads, no trackers.

## Home page
home-title = Help with your online procedures
home-lead = The CPAS/OCMW, public digital spaces, associations and libraries help you for free. You are not alone.
home-find-title = Find help near you
home-find-submit = Search
home-help-title = What can you get help with?
home-help-text = For example:
home-topic-pension = your pension (MyPension)
home-topic-health-insurance = your health insurance fund
home-topic-job = looking for a job, unemployment
home-topic-housing = looking for a home
home-topic-itsme = itsme and your identity card (eID)
home-topic-email = writing and reading e-mail
home-topic-banking = online banking
home-topic-family = family allowances and school grants
home-help-where = Ask at the reception of your CPAS/OCMW: they will tell you where and when a digital drop-in session takes place near you.
home-helpers-title = For helpers and organisations
home-helpers-text = Relais is the tool of CPAS/OCMW, public digital spaces and their partners to:
home-helpers-find = publish where and when help is offered;
home-helpers-log = log each request helped in seconds;
home-helpers-orient = check a person's digital skills and refer them to a workshop or a partner;
home-helpers-report = show the impact to the CPAS, the network and the funder, without personal data.

## Error pages
error-code = Error code:
error-back-home = Back to the home page
error-not-found-title = Page not found
error-not-found-text = This page does not exist, or no longer exists. Check the address, or go back to the home page.
error-bad-request-title = Incorrect request
error-bad-request-text = We did not understand this request. Go back and try again.
error-method-title = Not possible here
error-method-text = This page does not allow this action.
error-timeout-title = This is taking too long
error-timeout-text = The answer took too long. Please try again in a moment.
error-too-large-title = Too large
error-too-large-text = What you sent is too large. Try with less text or a smaller file.
error-media-type-title = Format not accepted
error-media-type-text = This format is not accepted here.
error-too-many-title = Too many attempts
error-too-many-text = Too many requests in a short time. Wait a moment, then try again.
error-unavailable-title = Temporarily unavailable
error-unavailable-text = Relais cannot answer right now. Please try again in a few minutes.
error-internal-title = Something went wrong
error-internal-text = It is not your fault. The problem has been logged. Please try again in a moment.
error-forbidden-title = Access denied
error-forbidden-text = You do not have access to this page. If you think you need it, ask the person who coordinates your organisation.
error-form-expired-title = Form expired
error-form-expired-text = This form has expired or comes from another page. Reload the page, check what you typed and send it again.

# issue 14, item 10: control characters in text input
error-control-character-title = Invisible character in your text
error-control-character-text = What you sent contains an invisible control character (often pasted from another program) that Relais cannot store. Go back, retype the text concerned and send it again.
error-too-long-title = Text too long
error-too-long-text = One of the fields holds more characters than Relais accepts there (a name: 200, a note or a description: 2,000). Go back: what you typed is still in the form. Shorten the text and send it again.

## The API's error messages (codes stay, messages are for people reading them)
api-error-bad-request = The request is not as the API documentation describes it.
api-error-invalid = Some fields are not valid: see problems.
api-error-unauthorized = A valid API token is needed (Authorization: Bearer …).
api-error-forbidden = Your role does not allow this.
api-error-not-found = Nothing here, or nothing you may see.
api-error-method-not-allowed = This method is not allowed here.
api-error-timeout = The request took too long.
api-error-too-large = The request is too large.
api-error-unsupported-media-type = Send JSON (Content-Type: application/json).
api-error-too-many-requests = Too many requests: wait a moment.
api-error-unavailable = The service is unavailable for a moment: try again soon.
api-error-internal = Something went wrong on our side.
api-error-unknown-area = No Belgian municipality or postcode matches.
api-error-ambiguous-area = Several places match: choose one of choices and pass it as area.
