/**
 * The languages Amazon's hosted pages render in, chosen by the button's `checkoutLanguage`
 * (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html). Which ones
 * a merchant may use depends on the region of the ledger currency: en_US in the US,
 * en_GB/de_DE/fr_FR/it_IT/es_ES in the EU and UK, ja_JP in Japan.
 */
export const CHECKOUT_LANGUAGES = ['en_US', 'en_GB', 'de_DE', 'fr_FR', 'it_IT', 'es_ES', 'ja_JP'] as const;
export type CheckoutLanguage = (typeof CHECKOUT_LANGUAGES)[number];

const EUROPEAN: readonly CheckoutLanguage[] = ['en_GB', 'de_DE', 'fr_FR', 'it_IT', 'es_ES'];

export const LANGUAGES_BY_LEDGER_CURRENCY: Readonly<Record<string, readonly CheckoutLanguage[]>> = {
  USD: ['en_US'],
  EUR: EUROPEAN,
  GBP: EUROPEAN,
  JPY: ['ja_JP'],
};

export function isCheckoutLanguage(value: unknown): value is CheckoutLanguage {
  return typeof value === 'string' && (CHECKOUT_LANGUAGES as readonly string[]).includes(value);
}

/** With no checkoutLanguage the pages use the region's first language (the sandbox's choice; see README). */
export function defaultLanguageFor(ledgerCurrency: string): CheckoutLanguage {
  return LANGUAGES_BY_LEDGER_CURRENCY[ledgerCurrency]?.[0] ?? 'en_US';
}

export interface HostedTexts {
  htmlLang: string;
  sandboxBadge: string;
  titleSuffix: string;
  footer: string;
  signInTitle: string;
  signInHeading: string;
  chooseTestAccount: string;
  testAccount: string;
  checkoutPurpose: string;
  signInPurpose: string;
  continue: string;
  payNow: string;
  selectionTitle: string;
  hello: (firstName: string) => string;
  /** Names the store being paid, as Amazon's pages head the order summary with it. */
  merchant: string;
  orderTotal: string;
  estimatedTotal: string;
  choosePayment: string;
  choosePaymentAndAddress: string;
  shippingAddress: string;
  shippingTo: string;
  paymentMethod: string;
  doesNotDeliverHere: string;
  cardEnding: (brand: string, last4: string) => string;
  expires: (expiry: string) => string;
  simulates: Record<'BuyerCanceled' | 'Declined' | 'PendingAuthorized' | 'PendingDeclined', string>;
  cancelAndReturn: string;
  errorCode: string;
  pickPaymentMethod: string;
  pickShippingAddress: string;
  doesNotDeliverToChosen: string;
  unknownTestAccount: string;
  checkoutUnavailable: string;
  checkoutInState: (state: string) => string;
  somethingWentWrong: string;
}

const en: HostedTexts = {
  htmlLang: 'en',
  sandboxBadge: 'Sandbox',
  titleSuffix: 'Amazon Pay (Sandbox)',
  footer: 'Offline Amazon Pay sandbox – no real payment is made.',
  signInTitle: 'Sign in',
  signInHeading: 'Sign in with Amazon',
  chooseTestAccount: 'Choose a sandbox test account.',
  testAccount: 'Test account',
  checkoutPurpose: 'Pay with the address and payment method stored in your Amazon account.',
  signInPurpose: 'Share your name and email with the merchant.',
  continue: 'Continue',
  payNow: 'Pay now',
  selectionTitle: 'Choose address and payment',
  hello: (name) => `Hello, ${name}`,
  merchant: 'Merchant',
  orderTotal: 'Order total',
  estimatedTotal: 'Estimated total',
  choosePayment: 'Choose how you want to pay.',
  choosePaymentAndAddress: 'Choose how you want to pay and where to ship.',
  shippingAddress: 'Shipping address',
  shippingTo: 'Shipping to',
  paymentMethod: 'Payment method',
  doesNotDeliverHere: 'This merchant does not deliver to this address.',
  cardEnding: (brand, last4) => `${brand} ending in ${last4}`,
  expires: (expiry) => `Expires ${expiry}`,
  simulates: {
    BuyerCanceled: 'Simulates: buyer cancels',
    Declined: 'Simulates: declined',
    PendingAuthorized: 'Simulates: pending, then authorized',
    PendingDeclined: 'Simulates: pending, then declined',
  },
  cancelAndReturn: 'Cancel and return to merchant',
  errorCode: 'Error code',
  pickPaymentMethod: 'Choose a payment method.',
  pickShippingAddress: 'Choose a shipping address.',
  doesNotDeliverToChosen: 'This merchant does not deliver to the chosen address.',
  unknownTestAccount: 'Unknown test account',
  checkoutUnavailable: 'Checkout unavailable',
  checkoutInState: (state) => `This checkout is ${state}.`,
  somethingWentWrong: 'Something went wrong',
};

const de: HostedTexts = {
  htmlLang: 'de',
  sandboxBadge: 'Sandbox',
  titleSuffix: 'Amazon Pay (Sandbox)',
  footer: 'Offline-Sandbox von Amazon Pay – es wird nichts wirklich bezahlt.',
  signInTitle: 'Anmelden',
  signInHeading: 'Mit Amazon anmelden',
  chooseTestAccount: 'Wählen Sie ein Sandbox-Testkonto.',
  testAccount: 'Testkonto',
  checkoutPurpose: 'Bezahlen Sie mit der Adresse und Zahlungsart aus Ihrem Amazon-Konto.',
  signInPurpose: 'Teilen Sie Ihren Namen und Ihre E-Mail-Adresse mit dem Händler.',
  continue: 'Weiter',
  payNow: 'Jetzt bezahlen',
  selectionTitle: 'Adresse und Zahlungsart wählen',
  hello: (name) => `Hallo ${name}`,
  merchant: 'Händler',
  orderTotal: 'Gesamtbetrag',
  estimatedTotal: 'Voraussichtlicher Gesamtbetrag',
  choosePayment: 'Wählen Sie, wie Sie bezahlen möchten.',
  choosePaymentAndAddress: 'Wählen Sie, wie Sie bezahlen und wohin geliefert werden soll.',
  shippingAddress: 'Lieferadresse',
  shippingTo: 'Lieferung an',
  paymentMethod: 'Zahlungsart',
  doesNotDeliverHere: 'Dieser Händler liefert nicht an diese Adresse.',
  cardEnding: (brand, last4) => `${brand} mit Endziffern ${last4}`,
  expires: (expiry) => `Gültig bis ${expiry}`,
  simulates: {
    BuyerCanceled: 'Simuliert: Käufer bricht ab',
    Declined: 'Simuliert: abgelehnt',
    PendingAuthorized: 'Simuliert: ausstehend, dann autorisiert',
    PendingDeclined: 'Simuliert: ausstehend, dann abgelehnt',
  },
  cancelAndReturn: 'Abbrechen und zum Händler zurückkehren',
  errorCode: 'Fehlercode',
  pickPaymentMethod: 'Wählen Sie eine Zahlungsart.',
  pickShippingAddress: 'Wählen Sie eine Lieferadresse.',
  doesNotDeliverToChosen: 'Dieser Händler liefert nicht an die gewählte Adresse.',
  unknownTestAccount: 'Unbekanntes Testkonto',
  checkoutUnavailable: 'Bezahlvorgang nicht verfügbar',
  checkoutInState: (state) => `Dieser Bezahlvorgang ist im Zustand ${state}.`,
  somethingWentWrong: 'Etwas ist schiefgelaufen',
};

const fr: HostedTexts = {
  htmlLang: 'fr',
  sandboxBadge: 'Sandbox',
  titleSuffix: 'Amazon Pay (Sandbox)',
  footer: 'Sandbox Amazon Pay hors ligne – aucun paiement réel n’est effectué.',
  signInTitle: 'Connexion',
  signInHeading: 'Se connecter avec Amazon',
  chooseTestAccount: 'Choisissez un compte de test de la sandbox.',
  testAccount: 'Compte de test',
  checkoutPurpose: 'Payez avec l’adresse et le moyen de paiement enregistrés dans votre compte Amazon.',
  signInPurpose: 'Partagez votre nom et votre e-mail avec le marchand.',
  continue: 'Continuer',
  payNow: 'Payer maintenant',
  selectionTitle: 'Choisir l’adresse et le paiement',
  hello: (name) => `Bonjour ${name}`,
  merchant: 'Marchand',
  orderTotal: 'Total de la commande',
  estimatedTotal: 'Total estimé',
  choosePayment: 'Choisissez comment payer.',
  choosePaymentAndAddress: 'Choisissez comment payer et où livrer.',
  shippingAddress: 'Adresse de livraison',
  shippingTo: 'Livraison à',
  paymentMethod: 'Moyen de paiement',
  doesNotDeliverHere: 'Ce marchand ne livre pas à cette adresse.',
  cardEnding: (brand, last4) => `${brand} se terminant par ${last4}`,
  expires: (expiry) => `Expire le ${expiry}`,
  simulates: {
    BuyerCanceled: 'Simule : l’acheteur annule',
    Declined: 'Simule : refusé',
    PendingAuthorized: 'Simule : en attente, puis autorisé',
    PendingDeclined: 'Simule : en attente, puis refusé',
  },
  cancelAndReturn: 'Annuler et revenir chez le marchand',
  errorCode: 'Code d’erreur',
  pickPaymentMethod: 'Choisissez un moyen de paiement.',
  pickShippingAddress: 'Choisissez une adresse de livraison.',
  doesNotDeliverToChosen: 'Ce marchand ne livre pas à l’adresse choisie.',
  unknownTestAccount: 'Compte de test inconnu',
  checkoutUnavailable: 'Paiement indisponible',
  checkoutInState: (state) => `Ce paiement est à l’état ${state}.`,
  somethingWentWrong: 'Une erreur s’est produite',
};

const it: HostedTexts = {
  htmlLang: 'it',
  sandboxBadge: 'Sandbox',
  titleSuffix: 'Amazon Pay (Sandbox)',
  footer: 'Sandbox Amazon Pay offline – non viene effettuato alcun pagamento reale.',
  signInTitle: 'Accedi',
  signInHeading: 'Accedi con Amazon',
  chooseTestAccount: 'Scegli un account di prova della sandbox.',
  testAccount: 'Account di prova',
  checkoutPurpose: 'Paga con l’indirizzo e il metodo di pagamento salvati nel tuo account Amazon.',
  signInPurpose: 'Condividi il tuo nome e la tua e-mail con il venditore.',
  continue: 'Continua',
  payNow: 'Paga ora',
  selectionTitle: 'Scegli indirizzo e pagamento',
  hello: (name) => `Ciao ${name}`,
  merchant: 'Venditore',
  orderTotal: 'Totale ordine',
  estimatedTotal: 'Totale stimato',
  choosePayment: 'Scegli come pagare.',
  choosePaymentAndAddress: 'Scegli come pagare e dove spedire.',
  shippingAddress: 'Indirizzo di spedizione',
  shippingTo: 'Spedizione a',
  paymentMethod: 'Metodo di pagamento',
  doesNotDeliverHere: 'Questo venditore non spedisce a questo indirizzo.',
  cardEnding: (brand, last4) => `${brand} che termina con ${last4}`,
  expires: (expiry) => `Scade il ${expiry}`,
  simulates: {
    BuyerCanceled: 'Simula: l’acquirente annulla',
    Declined: 'Simula: rifiutato',
    PendingAuthorized: 'Simula: in sospeso, poi autorizzato',
    PendingDeclined: 'Simula: in sospeso, poi rifiutato',
  },
  cancelAndReturn: 'Annulla e torna al venditore',
  errorCode: 'Codice di errore',
  pickPaymentMethod: 'Scegli un metodo di pagamento.',
  pickShippingAddress: 'Scegli un indirizzo di spedizione.',
  doesNotDeliverToChosen: 'Questo venditore non spedisce all’indirizzo scelto.',
  unknownTestAccount: 'Account di prova sconosciuto',
  checkoutUnavailable: 'Pagamento non disponibile',
  checkoutInState: (state) => `Questo pagamento è nello stato ${state}.`,
  somethingWentWrong: 'Si è verificato un errore',
};

const es: HostedTexts = {
  htmlLang: 'es',
  sandboxBadge: 'Sandbox',
  titleSuffix: 'Amazon Pay (Sandbox)',
  footer: 'Sandbox de Amazon Pay sin conexión: no se realiza ningún pago real.',
  signInTitle: 'Iniciar sesión',
  signInHeading: 'Iniciar sesión con Amazon',
  chooseTestAccount: 'Elige una cuenta de prueba de la sandbox.',
  testAccount: 'Cuenta de prueba',
  checkoutPurpose: 'Paga con la dirección y el método de pago guardados en tu cuenta de Amazon.',
  signInPurpose: 'Comparte tu nombre y tu correo electrónico con el vendedor.',
  continue: 'Continuar',
  payNow: 'Pagar ahora',
  selectionTitle: 'Elegir dirección y pago',
  hello: (name) => `Hola, ${name}`,
  merchant: 'Vendedor',
  orderTotal: 'Total del pedido',
  estimatedTotal: 'Total estimado',
  choosePayment: 'Elige cómo quieres pagar.',
  choosePaymentAndAddress: 'Elige cómo quieres pagar y dónde enviar el pedido.',
  shippingAddress: 'Dirección de envío',
  shippingTo: 'Envío a',
  paymentMethod: 'Método de pago',
  doesNotDeliverHere: 'Este vendedor no envía a esta dirección.',
  cardEnding: (brand, last4) => `${brand} terminada en ${last4}`,
  expires: (expiry) => `Caduca el ${expiry}`,
  simulates: {
    BuyerCanceled: 'Simula: el comprador cancela',
    Declined: 'Simula: rechazado',
    PendingAuthorized: 'Simula: pendiente, después autorizado',
    PendingDeclined: 'Simula: pendiente, después rechazado',
  },
  cancelAndReturn: 'Cancelar y volver al vendedor',
  errorCode: 'Código de error',
  pickPaymentMethod: 'Elige un método de pago.',
  pickShippingAddress: 'Elige una dirección de envío.',
  doesNotDeliverToChosen: 'Este vendedor no envía a la dirección elegida.',
  unknownTestAccount: 'Cuenta de prueba desconocida',
  checkoutUnavailable: 'Pago no disponible',
  checkoutInState: (state) => `Este pago está en estado ${state}.`,
  somethingWentWrong: 'Algo ha salido mal',
};

const ja: HostedTexts = {
  htmlLang: 'ja',
  sandboxBadge: 'Sandbox',
  titleSuffix: 'Amazon Pay（Sandbox）',
  footer: 'オフラインの Amazon Pay サンドボックスです。実際の支払いは行われません。',
  signInTitle: 'サインイン',
  signInHeading: 'Amazon でサインイン',
  chooseTestAccount: 'サンドボックスのテストアカウントを選択してください。',
  testAccount: 'テストアカウント',
  checkoutPurpose: 'Amazon アカウントに登録された住所とお支払い方法で支払います。',
  signInPurpose: 'お名前とメールアドレスを事業者と共有します。',
  continue: '続行',
  payNow: '今すぐ支払う',
  selectionTitle: '住所とお支払い方法の選択',
  hello: (name) => `${name} 様`,
  merchant: '事業者',
  orderTotal: 'ご注文合計',
  estimatedTotal: '合計（見込み）',
  choosePayment: 'お支払い方法を選択してください。',
  choosePaymentAndAddress: 'お支払い方法とお届け先を選択してください。',
  shippingAddress: 'お届け先住所',
  shippingTo: 'お届け先',
  paymentMethod: 'お支払い方法',
  doesNotDeliverHere: 'この事業者はこの住所には配送しません。',
  cardEnding: (brand, last4) => `${brand}（末尾 ${last4}）`,
  expires: (expiry) => `有効期限 ${expiry}`,
  simulates: {
    BuyerCanceled: 'シミュレーション: 購入者がキャンセル',
    Declined: 'シミュレーション: 拒否',
    PendingAuthorized: 'シミュレーション: 保留の後に承認',
    PendingDeclined: 'シミュレーション: 保留の後に拒否',
  },
  cancelAndReturn: 'キャンセルして事業者のサイトに戻る',
  errorCode: 'エラーコード',
  pickPaymentMethod: 'お支払い方法を選択してください。',
  pickShippingAddress: 'お届け先住所を選択してください。',
  doesNotDeliverToChosen: 'この事業者は選択された住所には配送しません。',
  unknownTestAccount: '不明なテストアカウント',
  checkoutUnavailable: 'お支払いを続行できません',
  checkoutInState: (state) => `このお支払いの状態は ${state} です。`,
  somethingWentWrong: '問題が発生しました',
};

const TEXTS: Record<CheckoutLanguage, HostedTexts> = {
  en_US: en,
  en_GB: { ...en, htmlLang: 'en-GB' },
  de_DE: de,
  fr_FR: fr,
  it_IT: it,
  es_ES: es,
  ja_JP: ja,
};

export function textsFor(language: CheckoutLanguage | null | undefined): HostedTexts {
  return TEXTS[language ?? 'en_US'];
}
