package io.partnerhub.exam.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class SkillArea {

    @Column(name = "area", nullable = false)
    private String area;

    @Column(name = "weight_min", nullable = false)
    private int weightMin;

    @Column(name = "weight_max", nullable = false)
    private int weightMax;

    protected SkillArea() {
    }

    public SkillArea(String area, int weightMin, int weightMax) {
        this.area = area;
        this.weightMin = weightMin;
        this.weightMax = weightMax;
    }

    public String area() {
        return area;
    }

    public int weightMin() {
        return weightMin;
    }

    public int weightMax() {
        return weightMax;
    }
}
