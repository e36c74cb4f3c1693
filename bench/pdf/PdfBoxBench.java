import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.*;
import java.nio.file.Files;
import java.security.*;
import java.security.cert.Certificate;
import java.util.*;

/**
 * The PDFBox peer of bench/pdf, timed inside one warm JVM: signing with ../shared/verifiers' PdfSign
 * (PAdES, invisible, incremental save) and verifying (CMS signature and digest over the ByteRange).
 * usage: PdfBoxBench sign|verify in.pdf key.p12 password iterations warmup out.pdf
 */
public class PdfBoxBench {
    public static void main(String[] a) throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        String mode = a[0]; File in = new File(a[1]);
        int iterations = Integer.parseInt(a[4]), warmup = Integer.parseInt(a[5]);
        boolean large = in.length() > 10_000_000;
        KeyStore ks = KeyStore.getInstance("PKCS12", "BC");
        try (InputStream s = new FileInputStream(a[2])) { ks.load(s, a[3].toCharArray()); }
        String alias = ks.aliases().nextElement();
        PrivateKey key = (PrivateKey) ks.getKey(alias, a[3].toCharArray());
        Certificate[] chain = ks.getCertificateChain(alias);
        // Verification and small-document signing work on bytes in memory; large signing reads and writes files.
        byte[] memory = large && mode.equals("sign") ? null : Files.readAllBytes(in.toPath());
        File out = new File(a[6]);
        double[] times = new double[iterations];
        for (int i = -warmup; i < iterations; i++) {
            long t = System.nanoTime();
            if (mode.equals("sign")) sign(large ? Files.readAllBytes(in.toPath()) : memory, key, chain, large ? out : null);
            else verify(memory);
            if (i >= 0) times[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        double mean = Arrays.stream(times).average().orElse(0);
        System.out.println(String.format(Locale.ROOT, "{\"scenario\":\"pdfbox-%s\",\"iterations\":%d,\"p50\":%.3f,\"p95\":%.3f,\"mean\":%.3f,\"perSecond\":%.3f,\"maxRssMB\":%.1f}",
            mode, iterations, times[iterations / 2], times[Math.min(iterations - 1, (int) (iterations * 0.95))], mean, 1000 / mean, peakRssMb()));
    }

    static void sign(byte[] bytes, PrivateKey key, Certificate[] chain, File out) throws Exception {
        try (PDDocument doc = PDDocument.load(bytes)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            sig.setSignDate(Calendar.getInstance());
            SignatureOptions opts = new SignatureOptions();
            opts.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            doc.addSignature(sig, new PdfSign(key, chain, true), opts);
            OutputStream os = out == null ? new ByteArrayOutputStream() : new FileOutputStream(out);
            try (os) { doc.saveIncremental(os); }
        }
    }

    static void verify(byte[] bytes) throws Exception {
        try (PDDocument doc = PDDocument.load(bytes)) {
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(bytes)), sig.getContents(bytes));
                for (SignerInformation si : cms.getSignerInfos().getSigners()) {
                    @SuppressWarnings("unchecked")
                    Collection<X509CertificateHolder> m = cms.getCertificates().getMatches(si.getSID());
                    if (m.isEmpty() || !si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider("BC").build(m.iterator().next()))) throw new IllegalStateException("invalid");
                }
            }
        }
    }

    static double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(new File("/proc/self/status").toPath())) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
        return -1;
    }
}
