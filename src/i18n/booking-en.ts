/**
 * `<peer-booking>` in English: travels with the element (the fallback of every language). Words
 * in braces are filled in by the element. Written to be kind and plain: a person may be booking in
 * a hard moment.
 */
export const booking = {
  title: 'Book a session with a peer supporter',
  stepsLabel: 'Booking steps',
  stepOf: 'Step {n} of {total}:',
  stepNames: {
    supporter: 'Supporter',
    session: 'Session',
    time: 'Time',
    eligibility: 'Eligibility',
    about: 'About you',
    policies: 'Agreements',
    price: 'Price',
    review: 'Review',
  },
  stepTitles: {
    supporter: 'Who would you like to talk with?',
    session: 'What kind of session?',
    time: 'Choose a time',
    eligibility: 'Can this program serve you?',
    about: 'About you',
    policies: 'Before you book',
    price: 'Price',
    review: 'Check and send your request',
  },
  back: 'Back',
  continue: 'Continue',
  send: 'Send request',
  sending: 'Sending your request…',
  sendAgain:
    'Nothing you entered is lost. Press “Send request” to try again: you will not be booked twice.',
  fixOne: 'One answer needs your attention.',
  fixOther: '{n} answers need your attention.',
  optional: '(optional)',
  yes: 'Yes',
  no: 'No',
  change: 'Change',
  changeLabel: 'Change: {what}',
  yourSupporter: 'your supporter',

  chooseSupporter: 'Choose a supporter',
  loadingSupporters: 'Loading supporters…',
  noSupporters: 'No supporters are taking bookings right now. Please check back soon.',
  lengthQuestion: 'How long would you like the session to be?',
  minutes: '{n} minutes',
  modalityQuestion: 'How would you like to meet?',
  modalities: { video: 'Video call', phone: 'Phone call', messaging: 'Messaging' },
  loadingTimes: 'Loading open times…',
  slotChosen: 'Chosen: {time}.',
  picker: {
    days: 'Days',
    times: 'Open times on {day}',
    noSlotsOn: 'Nothing is open on {day}.',
    nextOpenDay: 'Next open day',
    noneInHorizon:
      'No times are open in the next weeks. Try another supporter, or check back soon.',
    timeZone: 'Time zone',
    timesIn: 'Times are shown in {zone}.',
    open: '{n} open',
  },

  eligibilityIntro: 'We ask only what decides whether this program can serve you.',
  stateQuestion: 'Which state do you live in?',
  chooseState: 'Choose a state',
  otherState: 'Another state, or outside the US',
  stateNames: {} as Readonly<Record<string, string>>,
  ageQuestion: 'How old are you?',
  ageHint: 'In years. We use it only to check the program’s age range.',
  ageRangeQuestion: 'Are you aged {ages}?',
  /** The program's ages, as {ages} in the sentences around them. */
  agesBetween: '{min} to {max}',
  agesFrom: '{min} or older',
  agesUpTo: '{max} or younger',
  ineligibleIntro: 'We’re sorry: this program can’t take your booking.',
  ineligibleCrisis:
    'If you need to talk to someone now, these lines are free, confidential and open all day and night:',
  otherHelp: 'Other places to find support',
  otherHelpNone: 'Your doctor, campus or local health services can help you find support near you.',
  changeAnswers: 'Change my answers',

  name: 'Your name',
  email: 'Email address',
  emailHint: 'Your confirmation, and how to join the session, are sent here.',
  pronouns: 'Your pronouns',
  note: 'What would you like to talk about?',
  noteHint:
    'Your supporter reads this before the session. It is not read right away, so it is not for emergencies: for help now, call or text 988, or call 911.',

  policyNotTherapyTitle: 'Peer support is not therapy',
  policyNotTherapy:
    'Peer supporters are trained and certified, and share their own experience of recovery. They do not diagnose, treat, prescribe or give medical advice, and they are not a crisis service.',
  agreeNotTherapy: 'I understand that peer support is not therapy or crisis care.',
  policyPrivacyTitle: 'What stays private',
  policyConfidential:
    'What you share is confidential, with one limit: supporters must report suspected abuse or neglect of children, elders and dependent adults.',
  policySocial: 'Supporters do not accept contact or friend requests on social media.',
  policyMessages:
    'Messages between sessions are not for emergencies: for help now, call or text 988, or call 911.',
  agreePrivacy: 'I understand what is confidential and its limits.',
  policyCancellationTitle: 'Cancelling and arriving late',
  policyCancellation:
    'You can cancel free of charge until {hours} hours before the session. Later than that, the full fee is due.',
  policyLate: 'If you join late, the session still ends at its set time.',
  agreeCancellation: 'I agree to these terms.',

  payWhatYouCan: 'Pay what you can',
  payMoreHelps: 'Supporters earn the same either way: paying more helps someone who can pay less.',
  suggested: '(suggested)',
  amountLabel: 'Amount ({currency})',
  amountHint: 'The lowest amount is {min}.',
  amountHintMax: 'Between {min} and {max}.',
  fixedPrice: 'A session costs {price}.',
  moneyBack: 'If you did not love the session, you get your money back.',
  giftCode: 'Gift code',
  applyGift: 'Apply code',
  checkingGift: 'Checking…',
  giftCovers:
    'Your gift covers this session: nothing to pay. The card has {n} sessions left, this one included.',
  giftCoversLast: 'Your gift covers this session: nothing to pay. This is the card’s last session.',
  checkoutNote:
    'After you send the request, you pay on the program’s secure checkout page. We never see your card.',
  priceFree: 'Free to you',
  priceFreeBy: 'Free to you: paid by {sponsor}',
  priceGift: 'Covered by your gift',

  summarySupporter: 'Supporter',
  summarySession: 'Session',
  summaryTime: 'Time',
  summaryEligibility: 'Where you live',
  summaryAge: 'Age {age}',
  summaryAgeRange: 'Aged {ages}',
  summaryAbout: 'About you',
  summaryNote: 'A note for your supporter',
  summaryPolicies: 'Agreements',
  summaryAgreed: 'You agreed to each of them.',
  summaryPrice: 'Price',

  requestedTitle: 'Your request is sent',
  manageTitle: 'Your session',
  nextSteps: [
    'Your supporter will accept the request or suggest another time.',
    'Once they accept, you get an email with how to join.',
    'You are welcome to book with more than one supporter to find the right fit.',
  ],
  status: {
    requested: 'Waiting for {name} to accept.',
    confirmed: 'Confirmed with {name}.',
    declined:
      'Sorry, {name} cannot take this session. Please choose another time or another supporter.',
    cancelled: 'This session is cancelled.',
  },
  statusCancelledBySupporter:
    'Sorry, {name} had to cancel this session. Nothing is charged. Please book again.',
  loadingBooking: 'Loading your booking…',
  bookingNotFound: 'We could not find this booking. The link may be incomplete or out of date.',
  joinLink: 'Join the video session',
  addToCalendar: 'Add to calendar',
  calendarTitle: 'Peer support session with {name}',
  calendarDescription:
    'Peer support is not a crisis service. If you are in crisis, call or text 988; in an emergency, call 911.',
  freeUntil: 'You can cancel or change the time free of charge until {deadline}.',
  feeNow: 'The free cancellation time has passed: cancelling now, the full fee is due.',
  feeNowPaid:
    'The free cancellation time has passed: if you cancel now, your payment is not refunded.',
  feeNowGift: 'The free cancellation time has passed: cancelling now uses the gift session.',
  feeNowNone: 'You can still cancel. Nothing is charged.',
  cancel: 'Cancel session',
  cancelFree: 'Cancel now and nothing is charged (free until {deadline}).',
  cancelLate:
    'Free cancellation ended {deadline}. If you cancel now, the full fee of {fee} is due.',
  cancelLateGift: 'Free cancellation has ended. If you cancel now, the gift session is used.',
  cancelLatePaid:
    'Free cancellation ended {deadline}. If you cancel now, your payment of {fee} is not refunded.',
  cancelLateNoFee: 'Cancel now and nothing is charged.',
  cancelConfirm: 'Yes, cancel the session',
  keepSession: 'Keep my session',
  cancelledFree: 'Your session is cancelled. Nothing is charged.',
  cancelledRefunded: 'Your session is cancelled and {amount} will be refunded.',
  cancelledFeeDue: 'Your session is cancelled. The full fee of {fee} is due.',
  cancelledGiftUsed: 'Your session is cancelled. The gift session was used.',
  cancelledPaidKept: 'Your session is cancelled. As it was late, your payment is not refunded.',
  cancelledGiftRestored: 'Your session is cancelled. The gift session is back on the card.',
  reschedule: 'Change the time',
  rescheduleTitle: 'Choose a new time',
  moveChoose: 'Choose a new time above',
  moveTo: 'Move my session to {time}',
  keepTime: 'Keep the current time',
  moved: 'Your session is moved to {time}. Your supporter will confirm the new time.',
  rebookSame: 'Choose another time with {name}',
  bookAnother: 'Book another supporter',

  problems: {
    unknown: 'Something is not right with this answer. Please check it.',
    'supporterId:required': 'Choose a supporter.',
    'lengthMinutes:required': 'Choose a session length.',
    'modality:required': 'Choose how you would like to meet.',
    'slotStart:required': 'Choose a time.',
    'supporterId:not_found': 'This supporter is no longer taking bookings. Please choose another.',
    'lengthMinutes:not_offered':
      'This supporter does not offer sessions of this length. Please choose another length.',
    'modality:not_offered': 'This supporter does not meet this way. Please choose another.',
    'payment:kind-not-accepted':
      'This program no longer takes this way of paying. Please reload the page.',
    'slotStart:taken':
      'Someone else just booked that time, and no other time is open. Try another supporter.',
    'slotStart:taken-next':
      'Someone else just booked that time. The next open time is selected instead: check it, then continue.',
    'slotStart:not-offered': 'That time is no longer offered. Please choose another.',
    'state:required': 'Choose the state you live in.',
    'state:not_served': 'This program serves people who live in {states}.',
    'state:not_certified':
      'Sorry, {name} is not certified to support people in your state. Another supporter may be.',
    'state:invalid': 'Choose the state you live in from the list.',
    'age:required': 'Enter your age.',
    'age:invalid': 'Enter your age in years, as a number, for example 24.',
    'age:out_of_range': 'This program is for people aged {ages}.',
    'ageInRange:required': 'Answer yes or no.',
    'ageInRange:out_of_range': 'This program is for people aged {ages}.',
    'name:required': 'Enter your name.',
    'name:too-long': 'Your name can be at most 120 characters.',
    'name:invalid': 'Enter your name.',
    'email:required': 'Enter your email address.',
    'email:invalid': 'Enter an email address like name@example.com.',
    'pronouns:too-long': 'Pronouns can be at most 40 characters.',
    'pronouns:invalid': 'Pronouns can be at most 40 characters.',
    'note:too-long': 'The note can be at most 1,000 characters.',
    'note:invalid': 'The note can be at most 1,000 characters.',
    'notTherapy:required': 'Check this box to go on: peer support is not therapy or crisis care.',
    'privacy:required': 'Check this box to go on: what is confidential and its limits.',
    'cancellation:required': 'Check this box to go on: the cancellation terms.',
    'amount:required': 'Enter an amount.',
    'amount:invalid': 'Enter an amount as a number, like 25 or 25.50.',
    'amount:below-minimum': 'The lowest amount is {minimum}.',
    'amount:above-maximum': 'The highest amount is {maximum}.',
    'amount:kind-not-accepted':
      'This program no longer takes this way of paying. Please reload the page.',
    'giftCode:invalid':
      'A gift code is groups of 4 letters or numbers with dashes between them, like ABCD-EFGH-JKLM-NPQR.',
    'giftCode:pending':
      'This gift card is not active yet: it will work once it has been paid and delivered.',
    'giftCode:unchecked': 'Press “Apply code” to check the code.',
    'giftCode:unknown':
      'We could not find this gift code. Check it, or remove it to pay the normal price.',
    'giftCode:used':
      'This gift card has no sessions left. Remove the code to pay the normal price.',
    'giftCode:expired': 'This gift card has expired. Remove the code to pay the normal price.',
    'giftCode:wrong-length':
      'This gift card is for {n}-minute sessions. Change the session length to use it.',
    'review:changed': 'Your request changed since you first sent it. Please send it again.',
    'review:rate-limited': 'Too many tries in a short time. Please wait a minute, then send again.',
    'review:supporter-gone': 'This supporter is no longer taking bookings. Please choose another.',
    'review:refused':
      'The booking service could not take this request. Please check your answers and send again.',
    'manage:too-late': 'It is too late to change this session’s time. You can still cancel it.',
    'manage:slot-taken':
      'Someone else just booked that time. The open times are up to date: choose another.',
    'manage:already-cancelled': 'This session was already cancelled.',
    'manage:booking-declined': 'The supporter declined this session, so it cannot be changed.',
    'manage:failed': 'That did not work. Nothing changed. Please try again.',
  },
};

export type BookingStrings = typeof booking;
