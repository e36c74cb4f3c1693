// Node-only entry point (node:crypto): providers, software keys and key files.
export {};
