# Document photo checks (bot/photos.py): each message says what is wrong and how to take the photo again.

photo-too-small = The photo is too small ({ NUMBER($width, useGrouping: 0) }×{ NUMBER($height, useGrouping: 0) } pixels; at least { NUMBER($min_long, useGrouping: 0) }×{ NUMBER($min_short, useGrouping: 0) } are needed). Please take it again with your phone's camera, with the document filling most of the frame, and send that photo (not a screenshot or a cropped copy).
photo-too-dark = The photo is too dark to read. Please take it again in good light (near a window or under a lamp), without the shadow of your hand or phone on the document.
photo-too-bright = The photo is too bright: glare hides the text. Please turn the flash off, keep direct sunlight or lamps off the document, tilt the phone slightly until the glare is gone, and take it again.
photo-blurry = The photo is blurry. Please lay the document on a flat surface, hold the phone steady, tap the screen to focus, and take it again. If it is still blurry, wipe the camera lens.
photo-too-large = The file is too large (at most { $max_mb } MB). Please send it as an ordinary photo (not as a file), or take it again at a lower resolution.
photo-wrong-type = Only JPEG, PNG or HEIC (iPhone) photos are accepted. Please photograph the document with your phone's camera and send that photo (not a PDF, Word or archive file).
photo-unreadable = This photo cannot be opened: the file is damaged or is not a JPEG, PNG or HEIC image. Please photograph the document again and send the new photo.
photo-too-many-pixels = This image is too large to open (at most { NUMBER($max_mp, maximumFractionDigits: 1) } megapixels). Please send a normal photo taken with your phone's camera, or take a screenshot of the document and send that.
