# The Zalo channel: no buttons, so choices are numbered lists.
zalo-choose = { $count ->
        [1] Type 1 to choose (or type the option's name). Type /back to go back.
       *[other] Type a number from 1 to { $count } to choose (or type the option's name). Type /back to go back.
    }
zalo-type = Type your answer, or type one of the options above. Type /back to go back.
zalo-sticker = I can't understand stickers yet. Please type text or send a photo of the document.
zalo-unsupported = I can't receive this kind of message yet. Please type text or send a photo (JPEG, PNG).
zalo-no-image = { $caption } (The QR image is sent when the service has a public address; use the receipt code above to look it up.)
