package io.regtrack.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON as the API reads it: unknown fields are ignored, but no silent coercions — a string is not
 * a number, 1.5 is not an integer, and text that PostgreSQL cannot store faithfully is refused
 * with a 400 rather than failing later. Whole numbers are written without a fraction: a size is
 * {@code 303552}, not {@code 303552.0}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        SimpleModule safeText = new SimpleModule("regtrack-safe-text");
        safeText.addDeserializer(String.class, new SafeStringDeserializer());
        safeText.addKeyDeserializer(String.class, new SafeKeyDeserializer());
        safeText.addSerializer(Double.class, new WholeNumberSerializer());
        safeText.addSerializer(double.class, new WholeNumberSerializer());
        mapper.registerModule(safeText);
    }

    static String checked(JsonParser parser, String text) throws UnsafeTextException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw new UnsafeTextException(parser, "must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new UnsafeTextException(parser, "must be valid Unicode text");
            }
            if (Character.isLowSurrogate(c)) {
                throw new UnsafeTextException(parser, "must be valid Unicode text");
            }
        }
        return text;
    }

    static final class SafeStringDeserializer extends StdScalarDeserializer<String> {

        SafeStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return checked(parser, parser.getText());
        }
    }

    static final class SafeKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(context.getParser(), key);
        }
    }

    static final class WholeNumberSerializer extends StdSerializer<Double> {

        WholeNumberSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            double v = value;
            if (v == Math.rint(v) && Math.abs(v) <= 9_007_199_254_740_992d) {
                generator.writeNumber((long) v);
            } else {
                generator.writeNumber(v);
            }
        }
    }
}
