// Browser entry point (WebCrypto + JS SM2/SM3).
export {};
