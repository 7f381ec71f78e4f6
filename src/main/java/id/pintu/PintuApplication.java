package id.pintu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PintuApplication {
    public static void main(String[] args) {
        SpringApplication.run(PintuApplication.class, args);
    }
}
