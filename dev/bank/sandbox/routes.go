package sandbox

import "net/http"

// apiMux routes the mTLS host: token endpoint and OB v3.1 APIs (docs/bank-rules.md §Endpoints the bank offers).
func (b *Bank) apiMux() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc(tokenPath, b.handleToken)

	m.HandleFunc("POST "+aispBase+"/account-access-consents", b.handleAISConsentCreate)
	m.HandleFunc("GET "+aispBase+"/account-access-consents/{ConsentId}", b.handleAISConsentGet)
	m.HandleFunc("DELETE "+aispBase+"/account-access-consents/{ConsentId}", b.handleConsentDelete("accounts", kindAIS))
	m.HandleFunc("GET "+aispBase+"/accounts", b.handleAccounts)
	m.HandleFunc("GET "+aispBase+"/accounts/{AccountId}", b.handleAccount)
	m.HandleFunc("GET "+aispBase+"/accounts/{AccountId}/balances", b.handleBalances)
	m.HandleFunc("GET "+aispBase+"/accounts/{AccountId}/transactions", b.handleTransactions)
	m.HandleFunc("GET "+aispBase+"/accounts/{AccountId}/direct-debits", b.handleDirectDebits)
	m.HandleFunc("GET "+aispBase+"/accounts/{AccountId}/standing-orders", b.handleStandingOrders)
	m.HandleFunc("GET "+aispBase+"/accounts/{AccountId}/scheduled-payments", b.handleScheduledPayments)

	for _, k := range []kind{kindDP, kindDSP, kindDSO} {
		p := pisPaths[k]
		// PIS answers are signed (x-jws-signature; signing.go).
		m.HandleFunc("POST "+pispBase+"/"+p.consents, b.signed(b.handlePISConsentCreate(k)))
		m.HandleFunc("GET "+pispBase+"/"+p.consents+"/{ConsentId}", b.signed(b.handlePISConsentGet(k)))
		m.HandleFunc("POST "+pispBase+"/"+p.orders, b.signed(b.handlePaymentOrder(k)))
		m.HandleFunc("GET "+pispBase+"/"+p.orders+"/{PaymentId}", b.signed(b.handlePaymentGet(k)))
	}
	m.HandleFunc("GET "+pispBase+"/domestic-payment-consents/{ConsentId}/funds-confirmation", b.signed(b.handlePISFundsConfirmation))

	m.HandleFunc("POST "+cbpiiBase+"/funds-confirmation-consents", b.handleCBPIIConsentCreate)
	m.HandleFunc("GET "+cbpiiBase+"/funds-confirmation-consents/{ConsentId}", b.handleCBPIIConsentGet)
	m.HandleFunc("DELETE "+cbpiiBase+"/funds-confirmation-consents/{ConsentId}", b.handleConsentDelete("fundsconfirmations", kindCBPII))
	m.HandleFunc("POST "+cbpiiBase+"/funds-confirmations", b.handleFundsConfirmation)
	return m
}

// pagesMux routes the browser host: authorization endpoint and consent pages.
func (b *Bank) pagesMux() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("GET /openbanking/{brand}/oauthRedirect", b.handleAuthorize)
	m.HandleFunc("GET /journey/{jid}", b.handleJourneyPage)
	m.HandleFunc("POST /journey/{jid}/login", b.handleLogin)
	m.HandleFunc("POST /journey/{jid}/otp", b.handleOTP)
	m.HandleFunc("POST /journey/{jid}/consent", b.handleConsent)
	return m
}
