# Diagnostic result: what the person can do at their level (can) and what they can learn next (next), per area and level (0 to 4).

# Device and basics.
level-device-0-can = You are taking your first steps with a phone or tablet. That is fine: everyone starts here.
level-device-0-next = Next: switch on the device and open an app by touching it.
level-device-1-can = You unlock your phone and change the volume. You check the battery.
level-device-1-next = Next: install an app and make the text bigger.
level-device-2-can = You install an app and do the updates. You change the text size.
level-device-2-next = Next: make space when your phone is full.
level-device-3-can = You make space on your phone. You find a downloaded file again.
level-device-3-next = Next: make a backup of your photos and contacts.
level-device-4-can = You make a backup of your photos. You solve small problems on your own.
level-device-4-next = You are autonomous with your device. You could help others with theirs.

# Finding information.
level-information-0-can = You are just starting with the internet. That is fine: we go step by step.
level-information-0-next = Next: scroll down a page and make the text bigger.
level-information-1-can = You open the internet. You find the search box.
level-information-1-next = Next: search with a few clear words.
level-information-2-can = You search the internet with a few words. You find bus times or opening hours.
level-information-2-next = Next: save a document and find it again.
level-information-3-can = You download a form and find it again. You recognise an official website.
level-information-3-next = Next: compare several sources before you believe a piece of news.
level-information-4-can = You compare several sources. You check the date of a piece of news.
level-information-4-next = You find information on your own. You could show others how to check a source.

# Communicating.
level-communication-0-can = You do not need e-mail yet. We start with phone calls, step by step.
level-communication-0-next = Next: answer a call and hang up.
level-communication-1-can = You call a person from your contacts. You read a text message.
level-communication-1-next = Next: write and send an e-mail.
level-communication-2-can = You send and read e-mails. You call with video.
level-communication-2-next = Next: send a document as an attachment.
level-communication-3-can = You send a document or a photo as an attachment. You write a polite e-mail to a public service.
level-communication-3-next = Next: send a large file and plan a video call.
level-communication-4-can = You send large files. You plan a video call with several people.
level-communication-4-next = You communicate on your own. You could help a relative keep in touch.

# Online procedures and payments.
level-procedures-0-can = Online procedures can wait. First we learn the basics, step by step.
level-procedures-0-next = Next: type a secret code on a screen.
level-procedures-1-can = You open your bank app. You scan a QR code to pay.
level-procedures-1-next = Next: install the itsme app and fill in a simple form.
level-procedures-2-can = You install itsme. You fill in a simple form online.
level-procedures-2-next = Next: log in to MyMinfin with itsme or your eID card.
level-procedures-3-can = You log in with itsme or your eID card. You pay a bill online.
level-procedures-3-next = Next: check a bank transfer carefully before you sign it.
level-procedures-4-can = You do a whole procedure without help, for example on MyMinfin. You check a transfer before you sign it.
level-procedures-4-next = You are autonomous. Keep up with new online services, and help others if you wish.

# Safety.
level-safety-0-can = You are just starting with safety online. That is fine: we start with simple habits.
level-safety-0-next = Next: hide your secret code when you type it.
level-safety-1-can = You keep your PIN code secret. You install updates when your phone asks.
level-safety-1-next = Next: make a strong password and look for the padlock.
level-safety-2-can = You make a strong password. You check the padlock next to the web address.
level-safety-2-next = Next: recognise a fake text message or e-mail that asks for money or codes.
level-safety-3-can = You recognise a fake text message or e-mail. You never give your codes on the phone.
level-safety-3-next = Next: use a different password for each website.
level-safety-4-can = You use a different password for each website. You report suspicious messages to Safeonweb.
level-safety-4-next = You are autonomous and careful. You could warn your relatives about new scams.
