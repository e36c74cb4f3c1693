// Test-only: verifies every SignerInfo of DER CMS SignedData files with BouncyCastle (an independent
// implementation, SM2 included). Usage: java CmsVerifyBc signed.der[=detached-content] ...
// Prints one line per file: "<index> VALID" or "<index> INVALID <reason>".
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.Security;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.Store;

public class CmsVerifyBc {
    public static void main(String[] args) throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        for (int i = 0; i < args.length; i++) {
            String reason;
            try {
                reason = verify(args[i]);
            } catch (Exception e) {
                reason = e.toString();
            }
            System.out.println(i + (reason == null ? " VALID" : " INVALID " + reason));
        }
    }

    /** null when every SignerInfo verifies, else why not. */
    static String verify(String arg) throws Exception {
        String[] parts = arg.split("=", 2);
        byte[] der = Files.readAllBytes(Paths.get(parts[0]));
        CMSSignedData sd = parts.length > 1
            ? new CMSSignedData(new CMSProcessableByteArray(Files.readAllBytes(Paths.get(parts[1]))), der)
            : new CMSSignedData(der);
        Store<X509CertificateHolder> certs = sd.getCertificates();
        int n = 0;
        for (SignerInformation si : sd.getSignerInfos().getSigners()) {
            n++;
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> match = certs.getMatches(si.getSID());
            if (match.isEmpty()) return "signer certificate not found";
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider("BC").build(match.iterator().next()))) {
                return "signature " + si.getEncryptionAlgOID() + " does not verify";
            }
        }
        return n == 0 ? "no SignerInfo" : null;
    }
}
