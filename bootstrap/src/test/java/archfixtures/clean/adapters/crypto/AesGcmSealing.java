package archfixtures.clean.adapters.crypto;

import archfixtures.clean.application.shared.port.out.SecretSealing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** An adapter that is cryptography: it implements an outgoing port and knows no other adapter. */
public class AesGcmSealing implements SecretSealing {

    private final SecretKey key;
    private final byte[] nonce = new byte[12];

    public AesGcmSealing(SecretKey key) {
        this.key = key;
    }

    @Override
    public String seal(String clearText, String context) {
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, clearText.getBytes(StandardCharsets.UTF_8), context));
    }

    @Override
    public String open(String sealed, String context) {
        return new String(run(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(sealed), context), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] input, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
