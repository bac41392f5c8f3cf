// The offline banner (web/src/shell/OfflineBanner.tsx).
export default {
  banner: 'offline – Stand {time}',
  explanation: 'Die Zahlen sind die zuletzt geladenen. Neue erscheinen, sobald wieder eine Verbindung besteht.',
}
