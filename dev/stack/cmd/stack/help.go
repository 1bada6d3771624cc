package main

import "fmt"

// quickstartConsent asks for every permission the account routes need (README, Quickstart):
// accounts, balances, transactions, direct debits, standing orders and scheduled payments.
const quickstartConsent = `{"brand":"coop","type":"accounts","permissions":["ReadAccountsDetail","ReadBalances",` +
	`"ReadTransactionsDetail","ReadTransactionsCredits","ReadTransactionsDebits","ReadDirectDebits",` +
	`"ReadStandingOrdersDetail","ReadScheduledPaymentsDetail"]}`

// certHelp tells how to get past the browser's certificate warning on the bank's pages, which
// are signed by the sandbox's own CA (ca, kept between runs): a throwaway Chromium that accepts
// exactly the pages' key (spki, Chromium honours the flag only with its own --user-data-dir),
// or the CA trusted for good.
func certHelp(ca, spki string) string {
	return fmt.Sprintf(`The bank's pages use the sandbox's own CA, so a browser warns about their certificate.
Either open the authorizationUrl in a throwaway Chromium that accepts exactly that certificate:

  chromium --user-data-dir="$(mktemp -d)" --ignore-certificate-errors-spki-list=%[2]s '<authorizationUrl>'

or trust the sandbox CA (%[1]s, kept between runs) once:

  Chromium/Chrome on Linux:  certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n coop-ob-sandbox -i %[1]s
  macOS (Safari, Chrome):    sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain %[1]s
  Firefox:                   Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import
`, ca, spki)
}
